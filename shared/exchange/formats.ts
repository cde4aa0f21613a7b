// Exchange with partners' tools (ATAK/WinTAK, GIS): what may be exported, in which formats, and the
// marking of a whole file. Pure: the service, the CLI and the console share these words.
import { bannerLine, type Marking } from '../releasability.js';

export const EXCHANGE_WHAT = ['units', 'incidents', 'zones', 'all'] as const;
export type ExchangeWhat = (typeof EXCHANGE_WHAT)[number];
export const EXCHANGE_FORMATS = ['geojson', 'csv', 'kml', 'cot'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];
/** The layers a file holds; "all" is the three. */
export type ExchangeLayer = 'unit' | 'incident' | 'zone';

export const EXCHANGE_MIME: Record<ExchangeFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv',
  kml: 'application/vnd.google-earth.kml+xml',
  cot: 'application/xml',
};

/** A CSV file is one table: units, incidents and zones do not share columns. */
export const CSV_NEEDS_ONE_LAYER =
  'a CSV file holds one table: choose units, incidents or zones (or GeoJSON, KML or CoT for all)';

/**
 * The marking of a file holding items of several markings: it may go only where every item may,
 * so it is their intersection (null, all partners, when every item is).
 */
export function fileMarking(markings: Iterable<Marking>): Marking {
  let out: string[] | null = null;
  for (const m of markings) {
    if (m === null) continue;
    out = out === null ? [...m] : out.filter((c) => m.includes(c));
  }
  return out === null ? null : [...new Set(out)].sort();
}

/** The file's banner, "RELEASABLE TO FR, ES", as each format writes it at its top. */
export const fileBanner = (markings: Iterable<Marking>, hostCountry: string): string =>
  bannerLine(fileMarking(markings), hostCountry);

/** "vigie-zones-20241126-1430.kml", from operation time. */
export function exchangeFileName(what: ExchangeWhat, format: ExchangeFormat, at: string): string {
  const stamp = at.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `vigie-${what}-${stamp}.${format}`;
}
