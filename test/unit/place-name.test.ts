import { describe, expect, it } from 'vitest';
import {
  FAR_M,
  NEAR_M,
  formatDistanceM,
  nameOfPoint,
  placeText,
  type PlaceCandidate,
} from '../../shared/place-name.js';

// Metres to degrees at Paris's latitude, for points placed a known distance away.
const M_LAT = 1 / 111_195;
const M_LON = 1 / (111_195 * Math.cos((48.8639 * Math.PI) / 180));

const bridge: PlaceCandidate = { kind: 'bridge', name: 'Pont Alexandre III', point: [2.3136, 48.8639] };
const venue: PlaceCandidate = { kind: 'venue', name: 'Grand Palais', point: [2.3125, 48.8661] };
const street: PlaceCandidate = {
  kind: 'street',
  name: 'Cours la Reine',
  line: [
    [2.31, 48.8645],
    [2.32, 48.8645],
  ],
};
const square: [number, number][][] = [
  [
    [2.3, 48.85],
    [2.33, 48.85],
    [2.33, 48.87],
    [2.3, 48.87],
    [2.3, 48.85],
  ],
];
const zone: PlaceCandidate = { kind: 'zone', name: 'Red zone Invalides', polygon: square };
const district: PlaceCandidate = {
  kind: 'district',
  name: '8e arrondissement',
  nameEn: '8th arrondissement',
  polygon: square,
};

describe('nameOfPoint', () => {
  it('names the nearest landmark with its distance', () => {
    const p = nameOfPoint(2.3136, 48.8639 + 40 * M_LAT, [bridge, venue, street, zone, district]);
    expect(p?.name).toBe('Pont Alexandre III');
    expect(p?.kind).toBe('bridge');
    expect(p?.distanceM).toBeGreaterThan(39);
    expect(p?.distanceM).toBeLessThan(41);
  });

  it('prefers a landmark within reach to a nearer street, and a street to a zone', () => {
    const near = nameOfPoint(2.3136, 48.8645, [bridge, street, zone]);
    expect(near?.name).toBe('Pont Alexandre III');
    const far = [2.3136 + (NEAR_M + 80) * M_LON, 48.8645] as const;
    const p = nameOfPoint(far[0], far[1], [bridge, street, zone]);
    expect(p?.name).toBe('Cours la Reine');
    expect(p?.distanceM).toBeLessThan(5);
  });

  it('falls back to the zone, then the district, the point lies in', () => {
    const lon = 2.3136 + 1000 * M_LON;
    const lat = 48.8639 - 1000 * M_LAT;
    expect(nameOfPoint(lon, lat, [bridge, zone, district])).toMatchObject({ kind: 'zone', distanceM: 0 });
    expect(nameOfPoint(lon, lat, [bridge, district])).toMatchObject({
      kind: 'district',
      name: '8e arrondissement',
    });
  });

  it('uses a far landmark only within FAR_M, else nothing', () => {
    const lat = 48.8639 + 2000 * M_LAT;
    expect(nameOfPoint(2.3136, lat, [bridge])?.name).toBe('Pont Alexandre III');
    expect(nameOfPoint(2.3136, 48.8639 + (FAR_M + 500) * M_LAT, [bridge])).toBeNull();
    expect(nameOfPoint(2.3136, 48.8639, [])).toBeNull();
  });
});

describe('placeText', () => {
  it('writes metres below 1 km and km above, in each language', () => {
    expect(formatDistanceM(43, 'en')).toBe('40 m');
    expect(formatDistanceM(3, 'en')).toBe('10 m');
    expect(formatDistanceM(1240, 'en')).toBe('1.2 km');
    expect(formatDistanceM(1240, 'fr')).toBe('1,2 km');
    expect(placeText({ name: 'Pont Alexandre III', kind: 'bridge', distanceM: 38 }, 'fr')).toBe(
      'Pont Alexandre III, 40 m',
    );
  });

  it('gives the name alone inside an area, in English where the place has an English name', () => {
    const d = {
      name: '8e arrondissement',
      nameEn: '8th arrondissement',
      kind: 'district',
      distanceM: 0,
    } as const;
    expect(placeText(d, 'en')).toBe('8th arrondissement');
    expect(placeText(d, 'fr')).toBe('8e arrondissement');
  });
});
