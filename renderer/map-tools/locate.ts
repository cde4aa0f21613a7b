// Finding places: the arrondissement a point falls in (from the built-in base map, once loaded),
// the pointer readout (5-decimal coordinates + arrondissement), and the search index over venues
// (names and aliases), bridges, zones, unit callsigns, incident references and arrondissements.
import type { TFunction } from 'i18next';
import type { Incident, Route, Unit, Venue, Zone } from '../../shared/domain';
import { foldPlace } from '../../shared/place-match';
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
  kind: 'venue' | 'bridge' | 'zone' | 'street' | 'unit' | 'incident' | 'arrondissement';
  label: string;
  /** The other name that matched (a venue's alias), shown beside the label. */
  alias?: string;
  lon: number;
  lat: number;
  zoom: number;
  /** What to select once there. */
  select?: { kind: 'unit' | 'incident'; id: string };
}

/** The middle of a zone's outer ring's bounding box: where the map flies to show it. */
function middle(ring: readonly Position[]): [number, number] | null {
  if (!ring.length) return null;
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

/** The built-in map's bridges (all of Paris's, not only the route's). */
function baseBridges(): { name: string; lon: number; lat: number }[] {
  return (base?.layers.bridges?.features ?? []).flatMap((f) =>
    f.geometry.type === 'Point' && typeof f.properties?.name === 'string'
      ? [
          {
            name: f.properties.name,
            lon: f.geometry.coordinates[0] ?? 0,
            lat: f.geometry.coordinates[1] ?? 0,
          },
        ]
      : [],
  );
}

export interface SearchData {
  venues: readonly (Venue & { aliases?: readonly string[] })[];
  routes: readonly Route[];
  zones?: readonly Zone[];
  units: readonly Unit[];
  incidents: readonly Pick<Incident, 'id' | 'reference' | 'title' | 'lat' | 'lon'>[];
}

/**
 * Places whose name (or a venue's alias, a unit's callsign, an incident's reference) contains the
 * text, case, accents and punctuation aside; names that start with it first, then by kind.
 */
export function searchPlaces(query: string, data: SearchData, limit = 12): Place[] {
  const q = foldPlace(query);
  if (q.length < 2) return [];
  const out: Place[] = [];
  const hit = (label: string) => foldPlace(label).includes(q);
  for (const v of data.venues) {
    const alias = hit(v.name) ? undefined : v.aliases?.find(hit);
    if (hit(v.name) || alias)
      out.push({
        kind: 'venue',
        label: v.name,
        ...(alias ? { alias } : {}),
        lon: v.lon,
        lat: v.lat,
        zoom: 15,
      });
  }
  const bridges = new Set<string>();
  for (const b of [...data.routes.flatMap((r) => r.bridges), ...baseBridges()])
    if (hit(b.name) && !bridges.has(b.name)) {
      bridges.add(b.name);
      out.push({ kind: 'bridge', label: b.name, lon: b.lon, lat: b.lat, zoom: 16 });
    }
  for (const z of data.zones ?? []) {
    const at = middle(z.polygon[0] ?? []);
    if (at && hit(z.name)) out.push({ kind: 'zone', label: z.name, lon: at[0], lat: at[1], zoom: 15 });
  }
  for (const a of arrondissements())
    if (a.at && (hit(a.name) || foldPlace(a.label) === q))
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
  const starts = (p: Place) => (foldPlace(p.alias ?? p.label).startsWith(q) ? 0 : 1);
  // A stable sort: within "starts with" and "contains", the kinds keep the order above.
  return out.sort((a, b) => starts(a) - starts(b)).slice(0, limit);
}
