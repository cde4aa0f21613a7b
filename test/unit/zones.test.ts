// Zone geometry rules (shared/zones.ts) and GeoJSON reading/writing (shared/zone-geojson.ts), on
// hand-made polygons.
import { describe, expect, it } from 'vitest';
import { normalizePolygon, pointInPolygon, polygonProblems, type PolygonRings } from '../../shared/zones.js';
import { parseZonesGeoJson, zonesToGeoJson } from '../../shared/zone-geojson.js';

/** A 200 m square by the Pont Neuf, counter-clockwise. */
const square: PolygonRings = [
  [
    [2.34, 48.857],
    [2.342, 48.857],
    [2.342, 48.858],
    [2.34, 48.858],
    [2.34, 48.857],
  ],
];
const feature = (
  coordinates: unknown,
  properties: Record<string, unknown> = { name: 'Pont Neuf perimeter', kind: 'security_perimeter' },
) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const messages = (coords: unknown) => polygonProblems(coords).map((p) => `${p.path}: ${p.message}`);

describe('polygon rules', () => {
  it('accepts a simple closed ring, and a hole inside it', () => {
    expect(polygonProblems(square)).toEqual([]);
    const hole: [number, number][] = [
      [2.3405, 48.8573],
      [2.3405, 48.8577],
      [2.341, 48.8577],
      [2.3405, 48.8573],
    ];
    expect(polygonProblems([...square, hole])).toEqual([]);
  });

  it('names the ring, the position and the reason', () => {
    const ring = square[0] as [number, number][];
    expect(messages([ring.slice(0, 4)])).toEqual([
      '0: ring 0 is not closed: its last position must repeat the first',
    ]);
    expect(messages([[ring[0], ring[1], ring[0]]])).toEqual([
      '0: ring 0 has 3 positions; a ring needs at least 4 (3 corners and the closing one)',
    ]);
    expect(messages([[ring[0], ring[1], ring[1], ring[0]]])).toEqual([
      '0: ring 0 has fewer than 3 distinct corners',
    ]);
    expect(messages([[ring[0], [48.857, 2.342], ring[2], ring[0]]])).toEqual([]);
    expect(messages([[ring[0], [2.342, 148.857], ring[2], ring[0]]])).toEqual([
      '0.1: ring 0, position 1: [2.342, 148.857] is out of range (lon -180..180, lat -90..90; GeoJSON is [lon, lat])',
    ]);
    expect(messages([[ring[0], ['2.3', 48.8], ring[2], ring[0]]])).toEqual([
      '0.1: ring 0, position 1 is not [lon, lat] numbers',
    ]);
    expect(messages([])).toEqual([': a Polygon needs an array of rings ([[[lon, lat], ...]])']);
    expect(messages([[ring[0], [2.341, 48.857], [2.342, 48.857], ring[0]]])).toEqual([
      '0: ring 0 has no area',
    ]);
  });

  it('finds a self-intersection (a bow tie) and a hole that crosses or leaves its ring', () => {
    const bowTie = [
      [
        [2.34, 48.857],
        [2.342, 48.858],
        [2.342, 48.857],
        [2.34, 48.858],
        [2.34, 48.857],
      ],
    ];
    expect(messages(bowTie)).toEqual([': the polygon crosses itself near [2.341000, 48.857500]']);
    const crossing = [
      [2.341, 48.8575],
      [2.343, 48.8575],
      [2.343, 48.8577],
      [2.341, 48.8575],
    ];
    expect(messages([...square, crossing])[0]).toMatch(/crosses itself/);
    const outside = [
      [2.35, 48.86],
      [2.351, 48.86],
      [2.351, 48.861],
      [2.35, 48.86],
    ];
    expect(messages([...square, outside])).toEqual(['1: hole 1 lies outside the outer ring']);
  });

  it('stores rings counter-clockwise outside, clockwise for holes, without repeated positions, to 7 decimals', () => {
    const clockwise = [[...(square[0] as [number, number][])].reverse()];
    expect(normalizePolygon(clockwise)).toEqual(square);
    const noisy = [
      [
        [2.340000004, 48.857],
        [2.342, 48.857],
        [2.342, 48.857],
        [2.342, 48.858],
        [2.34, 48.858],
        [2.340000004, 48.857],
      ],
    ] as PolygonRings;
    expect(normalizePolygon(noisy)).toEqual(square);
    expect(pointInPolygon(2.341, 48.8575, square)).toBe(true);
    expect(pointInPolygon(2.343, 48.8575, square)).toBe(false);
  });
});

describe('reading zones from GeoJSON', () => {
  it('reads names, kinds, colours and ids, with defaults', () => {
    const r = parseZonesGeoJson(
      collection(
        feature(square, { name: 'P1', kind: 'red_zone', color: '#AA0000', id: 'p-1' }),
        { ...feature(square, {}), id: 'p-2' },
        {
          type: 'Feature',
          properties: { name: 'Multi' },
          geometry: { type: 'MultiPolygon', coordinates: [square] },
        },
      ),
    );
    expect(r).toEqual({
      ok: true,
      zones: [
        { index: 0, id: 'p-1', name: 'P1', kind: 'red_zone', color: '#aa0000', polygon: square },
        { index: 1, id: 'p-2', name: 'Imported zone 2', kind: 'other', color: '#8b949e', polygon: square },
        { index: 2, id: null, name: 'Multi', kind: 'other', color: '#8b949e', polygon: square },
      ],
    });
  });

  it('reports every bad feature by index and reason, and keeps none of the good ones', () => {
    const ring = square[0] as [number, number][];
    const r = parseZonesGeoJson(
      collection(
        feature(square),
        feature([ring.slice(0, 4)], { name: 'Open' }),
        {
          type: 'Feature',
          properties: { name: 'Line' },
          geometry: { type: 'LineString', coordinates: ring },
        },
        feature(square, { name: 'Odd', kind: 'yellow_zone' }),
        feature(square, { name: 'Bad colour', color: 'red' }),
        {
          type: 'Feature',
          properties: { name: 'Two parts' },
          geometry: { type: 'MultiPolygon', coordinates: [square, square] },
        },
        feature(square, { name: 'Dup', id: 'z' }),
        feature(square, { name: 'Dup again', id: 'z' }),
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.index, p.path, p.message])).toEqual([
      [
        1,
        'features.1.geometry.coordinates.0',
        'feature 1 ("Open"): ring 0 is not closed: its last position must repeat the first',
      ],
      [2, 'features.2.geometry.type', 'feature 2 ("Line"): geometry is a LineString; zones are Polygons'],
      [
        3,
        'features.3.properties.kind',
        'feature 3 ("Odd"): kind "yellow_zone" is not one of security_perimeter, sector, red_zone, blue_zone, other',
      ],
      [4, 'features.4.properties.color', 'feature 4 ("Bad colour"): color "red" is not #rrggbb'],
      [
        5,
        'features.5.geometry',
        'feature 5 ("Two parts"): a MultiPolygon of 2 polygons: a zone is one polygon, split it into one feature per part',
      ],
      [7, 'features.7.properties.id', 'feature 7 ("Dup again"): id "z" is also used by feature 6'],
    ]);
  });

  it('refuses a name with a control character, which the escapes of the file hid from the guard', () => {
    const text = collection(
      feature(square, { name: 'Nul\u0000zone' }),
      feature(square, { name: 'Two\nlines' }),
    );
    expect(text).toContain('\\u0000');
    const r = parseZonesGeoJson(text);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual([
      'features.0.properties.name',
      'features.1.properties.name',
    ]);
  });

  it('says what is wrong with a file that is not a FeatureCollection', () => {
    const first = (text: string) => {
      const r = parseZonesGeoJson(text);
      return r.ok ? null : r.problems[0]?.message;
    };
    expect(first('{"type": "FeatureCollection", ')).toMatch(/^not JSON: /);
    expect(first('{"type": "Polygon", "coordinates": []}')).toBe(
      'expected a GeoJSON FeatureCollection, got "Polygon"',
    );
    expect(first('{"type": "FeatureCollection", "features": []}')).toBe(
      'the FeatureCollection has no features',
    );
    expect(first('[1, 2]')).toBe('expected a GeoJSON FeatureCollection');
  });

  it('reads back what it writes', () => {
    const zones = [
      {
        id: 'z-1',
        name: 'Sector A',
        kind: 'sector',
        color: '#1e88e5',
        polygon: square,
        version: 3,
        marking: null,
      },
    ];
    const r = parseZonesGeoJson(JSON.stringify(zonesToGeoJson(zones, 'FR')));
    expect(r).toEqual({
      ok: true,
      zones: [
        {
          index: 0,
          id: 'z-1',
          name: 'Sector A',
          kind: 'sector',
          color: '#1e88e5',
          polygon: square,
          marking: null,
        },
      ],
    });
  });
});
