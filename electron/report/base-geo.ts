// The built-in base map's parks, main roads and district outlines (resources/geo/paris-base.json)
// for the report's map snapshot, under its markers. Copied into each report's model, like the
// river, so a stored report keeps the map it was acknowledged with. Another city's operation gets
// none of it: the snapshot keeps only what lies by the operation's places (shared/report/build-map.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseLayers, LonLat } from '../../shared/report/model.js';

const EMPTY: BaseLayers = { parks: [], roads: [], districts: [] };
const cache = new Map<string, BaseLayers>();

interface Feature {
  geometry?: { type?: string; coordinates?: unknown };
}
type Layers = Record<string, { features?: Feature[] } | undefined>;

const isPoint = (p: unknown): p is LonLat =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
const line = (c: unknown): LonLat[] | null =>
  Array.isArray(c) && c.length >= 2 && c.every(isPoint) ? c.map(([lon, lat]) => [lon, lat]) : null;

/** Outer rings of a layer's polygons; the lines of its line strings. */
function rings(layers: Layers, name: string): LonLat[][] {
  return (layers[name]?.features ?? []).flatMap((f) => {
    const g = f.geometry;
    if (g?.type === 'Polygon' && Array.isArray(g.coordinates)) return [line(g.coordinates[0])].filter(isLine);
    if (g?.type === 'LineString') return [line(g.coordinates)].filter(isLine);
    return [];
  });
}
const isLine = (l: LonLat[] | null): l is LonLat[] => l !== null;

export function loadBase(resourcesDir: string): BaseLayers {
  const file = join(resourcesDir, 'geo', 'paris-base.json');
  let base = cache.get(file);
  if (!base) {
    base = EMPTY;
    if (existsSync(file)) {
      try {
        const layers = (JSON.parse(readFileSync(file, 'utf8')) as { layers?: Layers }).layers ?? {};
        base = {
          parks: rings(layers, 'parks'),
          roads: [...rings(layers, 'peripherique'), ...rings(layers, 'axes')],
          districts: rings(layers, 'arrondissements'),
        };
      } catch {
        base = EMPTY; // a broken resource draws no base, never fails a report
      }
    }
    cache.set(file, base);
  }
  return base;
}
