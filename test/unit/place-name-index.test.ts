// nameOfPoint keeps an index per candidate list and rules far landmarks out on the haversine term
// before turf measures: its answers must be those of the plain rule, measured by turf for every
// candidate, at thousands of points over the real base map's bridges and districts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import distance from '@turf/distance';
import { point } from '@turf/helpers';
import { describe, expect, it } from 'vitest';
import { distanceToLineM } from '../../shared/geo.js';
import { FAR_M, NEAR_M, nameOfPoint, type PlaceCandidate, type PlaceName } from '../../shared/place-name.js';
import { pointInPolygon } from '../../shared/zones.js';

type LonLat = [number, number];
const base = JSON.parse(readFileSync(join(__dirname, '../../resources/geo/paris-base.json'), 'utf8')) as {
  layers: Record<
    string,
    { features: { properties: { name: string }; geometry: { coordinates: unknown } }[] }
  >;
};
const bridges: PlaceCandidate[] = (base.layers['bridges']?.features ?? []).map((f) => ({
  kind: 'bridge',
  name: f.properties.name,
  point: f.geometry.coordinates as LonLat,
}));
const districts: PlaceCandidate[] = (base.layers['arrondissements']?.features ?? []).map((f) => ({
  kind: 'district',
  name: f.properties.name,
  polygon: f.geometry.coordinates as LonLat[][],
}));
const venues: PlaceCandidate[] = [
  { kind: 'venue', name: 'Grand Palais', point: [2.3125, 48.8661] },
  { kind: 'venue', name: 'Grand Palais (twin)', point: [2.3125, 48.8661] },
  { kind: 'route_point', name: 'Trocadéro', point: [2.2885, 48.8616] },
];
const street: PlaceCandidate = {
  kind: 'street',
  name: 'Rue de Rivoli',
  line: [
    [2.33, 48.8625],
    [2.36, 48.8555],
  ],
};

/** The rule as written, with turf measuring every candidate. */
function plainRule(lon: number, lat: number, all: PlaceCandidate[]): PlaceName | null {
  const named = (c: PlaceCandidate, d: number): PlaceName => ({ name: c.name, kind: c.kind, distanceM: d });
  const nearest = (kinds: string[]) => {
    let best: PlaceName | null = null;
    for (const c of all) {
      if (!kinds.includes(c.kind)) continue;
      const d =
        'point' in c
          ? distance(point([lon, lat]), point(c.point), { units: 'kilometers' }) * 1000
          : 'line' in c
            ? distanceToLineM(c.line, lon, lat)
            : Infinity;
      if (!best || d < best.distanceM) best = named(c, d);
    }
    return best;
  };
  const landmark = nearest(['venue', 'bridge', 'route_point']);
  if (landmark && landmark.distanceM <= NEAR_M) return landmark;
  const st = nearest(['street']);
  if (st && st.distanceM <= NEAR_M) return st;
  for (const kind of ['zone', 'district'])
    for (const c of all)
      if (c.kind === kind && 'polygon' in c && pointInPolygon(lon, lat, c.polygon)) return named(c, 0);
  return landmark && landmark.distanceM <= FAR_M ? landmark : null;
}

describe('nameOfPoint over the base map', () => {
  it('answers as the plain rule at 3,000 points in and around Paris, ties to the first given', () => {
    expect(bridges.length).toBeGreaterThan(20);
    expect(districts).toHaveLength(20);
    const candidates = [...venues, ...bridges, ...districts];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const kinds = new Set<string>();
    for (let k = 0; k < 3000; k++) {
      // From 10 km west to 10 km east of the city, so every branch of the rule is reached.
      const lon = 2.15 + random() * 0.4;
      const lat = 48.78 + random() * 0.16;
      const more = k % 3 === 0 ? [street] : [];
      const want = plainRule(lon, lat, [...candidates, ...more]);
      const got = nameOfPoint(lon, lat, candidates, more);
      expect(got && { name: got.name, kind: got.kind, distanceM: got.distanceM }).toEqual(want);
      kinds.add(want ? want.kind : 'none');
    }
    expect([...kinds].sort()).toEqual(['bridge', 'district', 'none', 'route_point', 'street', 'venue']);
  });
});
