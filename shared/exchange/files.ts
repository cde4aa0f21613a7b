// One export file from what the reader may see: GeoJSON, CSV, KML or CoT events. Each item says its
// own marking and the file says the marking of the whole (shared/exchange/formats.ts).
import Papa from 'papaparse';
import { foldersToKML } from '@placemarkio/tokml';
import type { Contingent, IncidentRow, Marking, Unit, Zone } from '../domain.js';
import { bannerLine } from '../releasability.js';
import { incidentsToCsv, incidentsToGeoJson } from '../incident-export.js';
import { unitsToCsv, unitsToGeoJson } from '../unit-export.js';
import { zonesToGeoJson } from '../zone-geojson.js';
import { protectCell } from '../roster-cells.js';
import { incidentEvent, unitEvent, zoneEvent } from './cot.js';
import { fileMarking, type ExchangeFormat, type ExchangeLayer, type ExchangeWhat } from './formats.js';

export interface ExchangeData {
  units: readonly Unit[];
  incidents: readonly IncidentRow[];
  zones: readonly Zone[];
  contingents: readonly Contingent[];
  host: string;
  /** Real time, ms: CoT times are compared with the receiving clients' clocks. */
  now: number;
}

export interface ExchangeFile {
  text: string;
  /** Items written (units and incidents without a position are left out of maps: KML, CoT). */
  count: number;
  marking: Marking;
  releasability: string;
}

type Props = Record<string, unknown>;
interface Feature {
  type: 'Feature';
  id?: string | number;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Props;
}

const layersOf = (what: ExchangeWhat): ExchangeLayer[] =>
  what === 'all' ? ['unit', 'incident', 'zone'] : [what.slice(0, -1) as ExchangeLayer];

/** The features of one layer, each with `layer`, `marking` and `releasability`. */
function features(layer: ExchangeLayer, d: ExchangeData): Feature[] {
  const tag = (f: Feature): Feature => ({ ...f, properties: { layer, ...f.properties } });
  if (layer === 'unit')
    return unitsToGeoJson(d.units).features.map((f) =>
      tag({ ...f, properties: { ...f.properties, marking: null, releasability: bannerLine(null, d.host) } }),
    );
  // Unit GeoJSON ids are unit ids; an incident's is its reference, its id is a property.
  if (layer === 'incident') {
    const byRef = new Map(d.incidents.map((i) => [i.reference, i.id]));
    return incidentsToGeoJson(d.incidents, d.host).features.map((f) =>
      tag({ ...f, properties: { id: byRef.get(f.id), ...f.properties } }),
    );
  }
  return zonesToGeoJson(d.zones, d.host).features.map(tag);
}

function markingsOf(layers: ExchangeLayer[], d: ExchangeData): Marking[] {
  const out: Marking[] = [];
  if (layers.includes('unit') && d.units.length) out.push(null);
  if (layers.includes('incident')) out.push(...d.incidents.map((i) => i.marking));
  if (layers.includes('zone')) out.push(...d.zones.map((z) => z.marking));
  return out;
}

const WKT = (z: Zone) =>
  `POLYGON (${z.polygon.map((r) => `(${r.map(([x, y]) => `${x} ${y}`).join(', ')})`).join(', ')})`;

function zonesCsv(d: ExchangeData): string {
  const fields = ['id', 'name', 'kind', 'color', 'marking', 'releasability', 'wkt'];
  const data = d.zones.map((z) =>
    [
      z.id,
      z.name,
      z.kind,
      z.color,
      z.marking === null ? '' : z.marking.join('|'),
      bannerLine(z.marking, d.host),
      WKT(z),
    ].map(protectCell),
  );
  return Papa.unparse({ fields, data }, { newline: '\r\n' }) + '\r\n';
}

/** The roster CSV with the releasability column last (the roster import ignores it, with a warning). */
function unitsCsv(d: ExchangeData): string {
  const rows = Papa.parse<string[]>(unitsToCsv(d.units, d.contingents), { skipEmptyLines: true }).data;
  const [fields = [], ...data] = rows;
  const banner = bannerLine(null, d.host);
  return (
    Papa.unparse(
      { fields: [...fields, 'releasability'], data: data.map((r) => [...r, banner]) },
      { newline: '\r\n' },
    ) + '\r\n'
  );
}

const LAYER_TITLE: Record<ExchangeLayer, string> = { unit: 'Units', incident: 'Incidents', zone: 'Zones' };
// KML names and descriptions: the name a TAK or GIS tool labels with, the banner as description.
const placemarkName = (layer: ExchangeLayer, p: Props): string =>
  layer === 'unit'
    ? String(p.callsign)
    : layer === 'incident'
      ? `${String(p.reference)} ${String(p.title)}`
      : String(p.name);

function kml(layers: ExchangeLayer[], d: ExchangeData, banner: string): string {
  const children = layers.map((layer) => ({
    type: 'folder' as const,
    meta: { name: LAYER_TITLE[layer], description: banner },
    children: features(layer, d)
      // A placemark needs a place: unlocated incidents stay in the GeoJSON and CSV files.
      .filter((f) => f.geometry !== null)
      .map((f) => {
        const { description, ...rest } = f.properties;
        return {
          ...f,
          properties: {
            ...rest,
            ...(description === undefined ? {} : { details: description }),
            name: placemarkName(layer, f.properties),
            description: String(f.properties.releasability),
          },
        };
      }),
  }));
  const body = foldersToKML({ type: 'root', children } as Parameters<typeof foldersToKML>[0]);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return body.replace('<Document>', `<Document><name>Vigie</name><description>${esc(banner)}</description>`);
}

/** The file's text; `csv` of `all` is refused by the caller (CSV_NEEDS_ONE_LAYER). */
export function exchangeFile(what: ExchangeWhat, format: ExchangeFormat, d: ExchangeData): ExchangeFile {
  const layers = layersOf(what);
  const marking = fileMarking(markingsOf(layers, d));
  const releasability = bannerLine(marking, d.host);
  if (format === 'csv') {
    const text =
      what === 'units'
        ? unitsCsv(d)
        : what === 'incidents'
          ? incidentsToCsv(d.incidents, d.host)
          : zonesCsv(d);
    const count =
      what === 'units' ? d.units.length : what === 'incidents' ? d.incidents.length : d.zones.length;
    return { text, count, marking, releasability };
  }
  if (format === 'geojson') {
    const all = layers.flatMap((l) => features(l, d));
    const fc = { type: 'FeatureCollection', name: `vigie-${what}`, releasability, marking, features: all };
    return { text: JSON.stringify(fc, null, 2) + '\n', count: all.length, marking, releasability };
  }
  if (format === 'kml') {
    const text = kml(layers, d, releasability);
    return { text, count: (text.match(/<Placemark/g) ?? []).length, marking, releasability };
  }
  const events: string[] = [];
  if (layers.includes('unit')) for (const u of d.units) events.push(unitEvent(u, d.now, d.host) ?? '');
  if (layers.includes('incident'))
    for (const i of d.incidents) events.push(incidentEvent(i, d.now, d.host) ?? '');
  if (layers.includes('zone')) for (const z of d.zones) events.push(zoneEvent(z, d.now, d.host));
  const written = events.filter(Boolean);
  return {
    text: written.join('\n') + (written.length ? '\n' : ''),
    count: written.length,
    marking,
    releasability,
  };
}

/** The events of a CoT file, one per line as exchangeFile writes them. */
export const cotEvents = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('<event'));
