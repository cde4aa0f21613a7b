// Roster CSV, the pure half of the import (the UI previews errors with it too): detect the
// separator, map the header, read each record with the FILE line it starts on, and turn each row
// into a typed RosterRow or into issues { line, column, reason }. Venues come in as data.
import Papa from 'papaparse';
import type { UnitKind, UnitStatus } from './domain.js';
import { countryCode } from './countries.js';
import {
  readArmed,
  readCallsign,
  readDegrees,
  readKind,
  readLanguages,
  readPersonnel,
  readPhone,
  readRadio,
  readStatus,
  readText,
  readTime,
  unprotectCell,
  type Cell,
} from './roster-cells.js';
import type { KnownPlaces, NamedVenue } from './place-match.js';
import { readPlace, type PlaceCell, settleLiaison, type RosterWarning } from './roster-places.js';

export { contingentKey, MAX_SITE, type RosterWarning } from './roster-places.js';

export const ROSTER_COLUMNS = [
  'callsign',
  'country',
  'agency',
  'kind',
  'personnel',
  'armed',
  'languages',
  'liaison',
  'status',
  'lat',
  'lon',
  'venue',
  'sector',
  'handler',
  'dog',
  'detection',
  'rest_due',
  'radio',
  'phone',
  'notes',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly RosterColumn[] = [
  'callsign',
  'country',
  'agency',
  'kind',
  'personnel',
];

/** The contract's limit on one roster (importRoster, and the CLI reads no more). */
export const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

export interface RosterIssue {
  /** File line on which the record starts (the header is line 1). */
  line: number;
  /** The column (as named in the format, lower case), or "" for the record as a whole. */
  column: string;
  reason: string;
}

export interface RosterImportResult {
  imported: number;
  updated: number;
  /** Non-empty means nothing was written. */
  rejected: RosterIssue[];
  warnings: RosterWarning[];
}

/**
 * One valid row. An optional field is undefined when the file does not give it (no column, or an
 * empty cell): a new unit takes the default, an existing unit keeps what it has.
 */
export interface RosterRow {
  line: number;
  callsign: string;
  country: string;
  agency: string;
  kind: UnitKind;
  personnel: number;
  armed?: boolean;
  languages?: string[];
  liaison?: string;
  status?: UnitStatus;
  position?: { lat: number; lon: number };
  venueId?: string;
  /** Where the unit is when the venue column names no venue: a bridge, or the text as given. */
  site?: string;
  /** This unit's own contact, when its liaison cell names another than its contingent's. */
  contact?: string;
  sector?: string;
  handler?: string;
  dog?: string;
  detection?: string;
  restDue?: string;
  /** The unit's radio channel and phone; a liaison unit's are how to reach its contingent's liaison. */
  radio?: string;
  phone?: string;
  notes?: string;
}

export type RosterVenue = NamedVenue;

export interface ParsedRoster {
  rows: RosterRow[];
  rejected: RosterIssue[];
  warnings: RosterWarning[];
}

interface CsvRecord {
  line: number;
  cells: string[];
}

type Header = Map<RosterColumn, number>;

/** `places` may be the venues alone (no bridges). */
export function parseRoster(csv: string, places: KnownPlaces | readonly RosterVenue[]): ParsedRoster {
  const known: KnownPlaces = isPlaces(places) ? places : { venues: places, bridges: [] };
  // One line break: spreadsheets mix CRLF records with LF inside cells, and old Macs wrote CR.
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) return { rows: [], rejected: [fileIssue('the file is empty')], warnings: [] };
  const { records, issues } = readRecords(text, detectDelimiter(text));
  const [head, ...body] = records;
  if (!head) return { rows: [], rejected: [fileIssue('the file has no header line')], warnings: [] };
  const header = mapHeader(head, body);
  if (header.rejected.length) return { rows: [], rejected: header.rejected, warnings: header.warnings };

  const rejected = [...issues];
  const warnings = [...header.warnings];
  const rows: RosterRow[] = [];
  const firstLine = new Map<string, number>();
  const liaisons = new Map<string, { name: string; line: number }>();
  // Name lookups scan the whole country list: a roster repeats a few names, so remember them.
  const countries = new Map<string, string | null>();
  const country = (text: string) => {
    if (!countries.has(text)) countries.set(text, countryCode(text));
    return countries.get(text) ?? null;
  };
  for (const record of body) {
    const row = readRow(record, header.columns, head.cells.length, { places: known, country });
    // A second occurrence is an error even when either row has other faults.
    const seen = row.callsign ? firstLine.get(row.callsign) : undefined;
    if (row.callsign && seen === undefined) firstLine.set(row.callsign, record.line);
    if (seen !== undefined) {
      const reason = `duplicate callsign ${row.callsign ?? ''}, first on line ${seen}`;
      rejected.push({ line: record.line, column: 'callsign', reason });
    }
    if (!row.ok) {
      rejected.push(...row.issues);
      continue;
    }
    if (seen !== undefined) continue;
    const r = row.value;
    if (row.warning) warnings.push(row.warning);
    const liaison = settleLiaison(liaisons, r);
    if (liaison) warnings.push(liaison);
    rows.push(r);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, warnings };
}

const isPlaces = (p: KnownPlaces | readonly RosterVenue[]): p is KnownPlaces => !Array.isArray(p);

const fileIssue = (reason: string): RosterIssue => ({ line: 1, column: '', reason });

/** `;` or `,`: whichever the header line uses more (outside quotes). */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

const countBreaks = (s: string): number => s.split('\n').length - 1;

/**
 * Every record with the line it starts on. Papaparse's cursor is the offset just past each
 * record, so the next record starts there; counting the line breaks up to that offset (quoted
 * ones included) gives the file line even after a field that spans lines.
 */
function readRecords(text: string, delimiter: string): { records: CsvRecord[]; issues: RosterIssue[] } {
  const records: CsvRecord[] = [];
  const issues: RosterIssue[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    step: (result) => {
      const cells = result.data.map((c) => c.normalize('NFC'));
      for (const e of result.errors) issues.push({ line, column: '', reason: `CSV: ${e.message}` });
      if (cells.some((c) => c.trim() !== '')) records.push({ line, cells });
      const end = result.meta.cursor;
      line += countBreaks(text.slice(start, end));
      start = end;
    },
  });
  return { records, issues };
}

const headerName = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const isColumn = (name: string): name is RosterColumn => (ROSTER_COLUMNS as readonly string[]).includes(name);

function mapHeader(head: CsvRecord, body: readonly CsvRecord[]) {
  const columns: Header = new Map();
  const rejected: RosterIssue[] = [];
  const warnings: RosterWarning[] = [];
  const warn = (reason: string, value?: string) =>
    warnings.push({ line: head.line, column: '', reason, ...(value !== undefined && { value }) });
  head.cells.forEach((cell, i) => {
    const name = headerName(cell);
    if (!name) {
      if (body.some((r) => (r.cells[i] ?? '').trim() !== '')) warn(`column ${i + 1} has no name; ignored`);
    } else if (!isColumn(name)) {
      warn(`unknown column "${cell.trim()}" (column ${i + 1}) ignored`, cell.trim());
    } else if (columns.has(name)) {
      rejected.push({
        line: head.line,
        column: name,
        reason: `column appears twice (columns ${(columns.get(name) ?? 0) + 1} and ${i + 1})`,
      });
    } else {
      columns.set(name, i);
    }
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.has(name))
      rejected.push({ line: head.line, column: name, reason: 'required column missing' });
  }
  return { columns, rejected, warnings };
}

/** The callsign comes back with the issues too, so duplicates are caught among bad rows as well. */
type RowResult = { callsign: string | undefined } & (
  { ok: true; value: RosterRow; warning?: RosterWarning } | { ok: false; issues: RosterIssue[] }
);

interface Lookups {
  places: KnownPlaces;
  country: (text: string) => string | null;
}

function readRow(record: CsvRecord, header: Header, width: number, lookups: Lookups): RowResult {
  const issues: RosterIssue[] = [];
  if (record.cells.slice(width).some((c) => c.trim() !== '')) {
    issues.push({
      line: record.line,
      column: '',
      reason: `${record.cells.length} fields where the header has ${width}`,
    });
  }
  const raw = (c: RosterColumn): string => {
    const i = header.get(c);
    return i === undefined ? '' : unprotectCell((record.cells[i] ?? '').trim());
  };
  /** Reads a column: undefined when empty (a required one is then reported missing) or invalid. */
  const field = <T>(c: RosterColumn, read: (v: string) => Cell<T>): T | undefined => {
    const v = raw(c);
    if (!v) {
      if (REQUIRED_COLUMNS.includes(c))
        issues.push({ line: record.line, column: c, reason: 'required value missing' });
      return undefined;
    }
    const cell = read(v);
    if (cell.ok) return cell.value;
    issues.push({ line: record.line, column: c, reason: cell.reason });
    return undefined;
  };
  const text = (max: number) => (v: string) => readText(v, max);

  const callsign = field('callsign', readCallsign);
  const country = field('country', (v): Cell<string> => {
    const code = lookups.country(v);
    return code
      ? { ok: true, value: code }
      : {
          ok: false,
          reason: `unknown country "${v}": give an ISO 3166-1 alpha-2 code or the English or French name`,
        };
  });
  const agency = field('agency', text(200));
  const kind = field('kind', readKind);
  const personnel = field('personnel', readPersonnel);
  const lat = field('lat', (v) => readDegrees(v, 90));
  const lon = field('lon', (v) => readDegrees(v, 180));
  if (raw('lat') && !raw('lon'))
    issues.push({ line: record.line, column: 'lon', reason: 'lat given without lon' });
  if (raw('lon') && !raw('lat'))
    issues.push({ line: record.line, column: 'lat', reason: 'lon given without lat' });
  const place = field('venue', (v): Cell<Extract<PlaceCell, { ok: true }>> => {
    const cell = readPlace(v, record.line, lat !== undefined && lon !== undefined, lookups.places);
    return cell.ok ? { ok: true, value: cell } : cell;
  });
  const row = {
    line: record.line,
    armed: field('armed', readArmed),
    languages: field('languages', readLanguages),
    liaison: field('liaison', text(200)),
    status: field('status', readStatus),
    position: lat !== undefined && lon !== undefined ? { lat, lon } : place?.position,
    venueId: place?.venueId,
    site: place?.site,
    sector: field('sector', text(80)),
    handler: field('handler', text(200)),
    dog: field('dog', text(200)),
    detection: field('detection', text(200)),
    restDue: field('rest_due', readTime),
    radio: field('radio', readRadio),
    phone: field('phone', readPhone),
    notes: field('notes', text(2000)),
  };
  if (issues.length || !callsign || !country || !agency || !kind || !personnel) {
    return { ok: false, issues, callsign };
  }
  const value = { ...row, callsign, country, agency, kind, personnel };
  return { ok: true, callsign, value, ...(place?.warning && { warning: place.warning }) };
}
