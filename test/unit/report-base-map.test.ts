// The report's map has the base map under its markers: parks, district outlines and main roads are
// drawn after the land and before the water, the route and every marker; a report made before the
// base (no `base` in its map) draws as it did; another city's base is left out of the snapshot.
import { describe, expect, it } from 'vitest';
import { drawMap } from '../../shared/report/map-draw.js';
import { mapSnapshot } from '../../shared/report/build-map.js';
import { MAP_INK } from '../../shared/report/palette.js';
import { stringsFor } from '../../shared/report/i18n.js';
import type { BaseLayers, LonLat } from '../../shared/report/model.js';
import type { ReportSource } from '../../shared/report/source.js';
import { fixtureReport } from '../fixtures/report/model.js';

const square = (lon: number, lat: number, d = 0.004): LonLat[] => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];
const PARIS_BASE: BaseLayers = {
  parks: [square(2.32, 48.86)],
  roads: [
    [
      [2.3, 48.85],
      [2.36, 48.87],
    ],
  ],
  districts: [square(2.33, 48.855, 0.02)],
};

describe('the report map’s base', () => {
  it('draws parks, districts and roads above the land, below the water, route and markers', () => {
    const map = { ...fixtureReport.map, base: PARIS_BASE };
    const shapes = drawMap(map, stringsFor('en')).map;
    const at = (pred: (s: (typeof shapes)[number]) => boolean) => shapes.findIndex(pred);
    const park = at((s) => s.kind === 'path' && s.fill === MAP_INK.park);
    const district = at((s) => s.kind === 'path' && s.stroke === MAP_INK.district);
    const road = at((s) => s.kind === 'path' && s.stroke === MAP_INK.road);
    const water = at((s) => s.kind === 'path' && s.fill === MAP_INK.water);
    const route = at((s) => s.kind === 'path' && s.stroke === MAP_INK.route);
    const firstMarker = at((s) => s.kind === 'circle' || (s.kind === 'rect' && s.stroke === MAP_INK.venue));
    expect(shapes[0]).toMatchObject({ kind: 'rect', fill: MAP_INK.land });
    for (const i of [park, district, road]) {
      expect(i).toBeGreaterThan(0);
      expect(i).toBeLessThan(Math.min(water, route, firstMarker));
    }
    // Without a base, the same picture as before.
    const plain = drawMap(fixtureReport.map, stringsFor('en')).map;
    expect(plain.some((s) => s.kind === 'path' && s.fill === MAP_INK.park)).toBe(false);
    expect(shapes.length - plain.length).toBe(4);
  });

  it('keeps only the base by the operation’s places', () => {
    const src = {
      positions: [],
      water: [],
      routes: [
        [
          [-118.29, 34.01],
          [-118.27, 34.02],
        ],
      ],
      venues: [{ id: 'coliseum', name: 'LA Memorial Coliseum', lat: 34.0141, lon: -118.2879 }],
      base: PARIS_BASE,
    } as unknown as ReportSource;
    expect(mapSnapshot(src, new Map(), new Map()).base).toBeUndefined();
    const paris = { ...src, routes: [[[2.33, 48.86]]], venues: [] } as unknown as ReportSource;
    expect(mapSnapshot(paris, new Map(), new Map()).base?.parks).toHaveLength(1);
  });
});
