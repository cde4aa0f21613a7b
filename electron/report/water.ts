// The river for the map snapshot: every ring of the polygons in resources/geo/seine.geojson.
// The rings are copied into each report's model, so a stored report keeps the map it was
// acknowledged with even if the resource file changes later.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LonLat } from '../../shared/report/model.js';

const cache = new Map<string, LonLat[][]>();

const isPoint = (p: unknown): p is LonLat =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
const isRing = (r: unknown): r is LonLat[] => Array.isArray(r) && r.length >= 4 && r.every(isPoint);

function ringsOf(geometry: unknown): LonLat[][] {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  const coords = Array.isArray(g?.coordinates) ? (g.coordinates as unknown[]) : [];
  if (g?.type === 'Polygon') return coords.filter(isRing).map((r) => r.map(([lon, lat]) => [lon, lat]));
  if (g?.type === 'MultiPolygon')
    return coords.flatMap((poly) => ringsOf({ type: 'Polygon', coordinates: poly }));
  return [];
}

/** The Seine's rings; none (and no error) when the file is missing or not GeoJSON polygons. */
export function loadWater(resourcesDir: string): LonLat[][] {
  const file = join(resourcesDir, 'geo', 'seine.geojson');
  let rings = cache.get(file);
  if (!rings) {
    rings = [];
    if (existsSync(file)) {
      try {
        const fc = JSON.parse(readFileSync(file, 'utf8')) as { features?: { geometry?: unknown }[] };
        rings = (fc.features ?? []).flatMap((f) => ringsOf(f.geometry));
      } catch {
        rings = [];
      }
    }
    if (!rings.length) console.warn(`Vigie: no river polygons in ${file}; report maps will show none.`);
    cache.set(file, rings);
  }
  return rings;
}
