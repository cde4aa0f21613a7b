// Finding places: the arrondissement a point falls in (from the built-in base map, once loaded),
// the pointer readout (5-decimal coordinates + arrondissement), and the search index over venues,
// bridges, unit callsigns, incident references and arrondissements.
import type { TFunction } from 'i18next';
import type { Incident, Route, Unit, Venue } from '../../shared/domain';
import { pointInPolygon, type Position } from '../../shared/zones';
import { loadBaseMap, type BaseMapFile } from '../map/static-geo';

let base: BaseMapFile | null = null;
void loadBaseMap().then((b) => (base = b));

interface Arrondissement {
  label: string;
  name: string;
  rings: Position[][];
  at: [number, number] | null;
}

function arrondissements(): Arrondissement[] {
  if (!base) return [];
  const labels = new Map<unknown, [number, number]>();
  for (const f of base.layers.arrondissementLabels?.features ?? []) {
    if (f.geometry.type === 'Point')
      labels.set(f.properties?.arrondissement, f.geometry.coordinates as [number, number]);
  }
  return (base.layers.arrondissements?.features ?? []).flatMap((f) =>
    f.geometry.type === 'Polygon'
      ? [
          {
            label: String(f.properties?.label ?? ''),
            name: String(f.properties?.name ?? ''),
            rings: f.geometry.coordinates as Position[][],
            at: labels.get(f.properties?.arrondissement) ?? null,
          },
        ]
      : [],
  );
}

export function arrondissementAt(lon: number, lat: number): string | null {
  return arrondissements().find((a) => pointInPolygon(lon, lat, a.rings))?.label ?? null;
}

export function cursorText(lon: number, lat: number, t: TFunction): string {
  const arr = arrondissementAt(lon, lat);
  const at = `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
  // The built-in map's districts, where it has them; elsewhere the coordinates say it all.
  return arr ? `${at} · ${t('mapTools.locate.arrondissement', { label: arr })}` : at;
}

export interface Place {
  kind: 'venue' | 'bridge' | 'unit' | 'incident' | 'arrondissement';
  label: string;
  lon: number;
  lat: number;
  zoom: number;
  /** What to select once there. */
  select?: { kind: 'unit' | 'incident'; id: string };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function searchPlaces(
  query: string,
  data: {
    venues: readonly Venue[];
    routes: readonly Route[];
    units: readonly Unit[];
    incidents: readonly Incident[];
  },
  limit = 12,
): Place[] {
  const q = fold(query.trim());
  if (q.length < 2) return [];
  const out: Place[] = [];
  const hit = (label: string) => fold(label).includes(q);
  for (const v of data.venues)
    if (hit(v.name)) out.push({ kind: 'venue', label: v.name, lon: v.lon, lat: v.lat, zoom: 15 });
  const bridges = new Set<string>();
  for (const r of data.routes)
    for (const b of r.bridges)
      if (hit(b.name) && !bridges.has(b.name)) {
        bridges.add(b.name);
        out.push({ kind: 'bridge', label: b.name, lon: b.lon, lat: b.lat, zoom: 16 });
      }
  for (const a of arrondissements())
    if (a.at && (hit(a.name) || fold(a.label) === q))
      out.push({ kind: 'arrondissement', label: a.name, lon: a.at[0], lat: a.at[1], zoom: 14 });
  for (const u of data.units)
    if (u.lat !== null && u.lon !== null && hit(u.callsign))
      out.push({
        kind: 'unit',
        label: u.callsign,
        lon: u.lon,
        lat: u.lat,
        zoom: 16,
        select: { kind: 'unit', id: u.id },
      });
  for (const i of data.incidents)
    if (i.lat !== null && i.lon !== null && hit(i.reference))
      out.push({
        kind: 'incident',
        label: `${i.reference} ${i.title}`,
        lon: i.lon,
        lat: i.lat,
        zoom: 16,
        select: { kind: 'incident', id: i.id },
      });
  return out.slice(0, limit);
}
