import { touch, touchRow } from './after-images.js';
import type { Db } from './db.js';
import type { Incident, IncidentCategory, IncidentStatus, Priority } from '../../shared/domain.js';
import { STATUS_TIMESTAMP } from '../../shared/incident-lifecycle.js';
import type { Marking } from '../../shared/releasability.js';
import { markingColumn, markingOf } from './marking-column.js';
import type { BoardCursor } from '../../shared/board-cursor.js';
import { referencePrefix, SEQUENCE_DIGITS } from '../../shared/reference.js';
import { POSTGRES, SQLITE, type Dialect } from './dialect.js';
import { lockJournalAhead } from './journal.js';

interface Row {
  id: string;
  reference: string;
  category: Incident['category'];
  priority: Incident['priority'];
  status: Incident['status'];
  title: string;
  description: string;
  source: Incident['source'];
  reporter: string | null;
  lat: number | null;
  lon: number | null;
  venue_id: string | null;
  sector: string | null;
  location_text: string | null;
  created_at: string;
  updated_at: string;
  acknowledged_at: string | null;
  dispatched_at: string | null;
  on_scene_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  marking: string | null;
  version: number;
}

const toIncident = (r: Row): Incident => ({
  id: r.id,
  reference: r.reference,
  category: r.category,
  priority: r.priority,
  status: r.status,
  title: r.title,
  description: r.description,
  source: r.source,
  reporter: r.reporter,
  lat: r.lat,
  lon: r.lon,
  venueId: r.venue_id,
  sector: r.sector,
  locationText: r.location_text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  acknowledgedAt: r.acknowledged_at,
  dispatchedAt: r.dispatched_at,
  onSceneAt: r.on_scene_at,
  resolvedAt: r.resolved_at,
  closedAt: r.closed_at,
  cancelledAt: r.cancelled_at,
  marking: markingOf(r.marking),
  version: r.version,
});

type Stamps = 'acknowledgedAt' | 'dispatchedAt' | 'onSceneAt' | 'resolvedAt' | 'closedAt' | 'cancelledAt';
export type NewIncident = Omit<Incident, 'version' | 'marking' | Stamps> &
  Partial<Pick<Incident, Stamps | 'marking'>>;

// Bound by position (named binding spread and looked up an object of 23 fields on every create).
// RETURNING: the row as stored (defaults included) without a second statement to read it back.
const insertSql = (reference: string) =>
  `INSERT INTO incidents (id, reference, category, priority, status, title, description,
    source, reporter, lat, lon, venue_id, sector, location_text, created_at, updated_at,
    acknowledged_at, dispatched_at, on_scene_at, resolved_at, closed_at, cancelled_at, marking)
  VALUES (?, ${reference}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`;
const INSERT_INCIDENT = insertSql('?');
// The reference from the day's counter, as formatReference writes it (prefix, zero-padded number).
const insertNextSql = (d: Dialect) =>
  insertSql(`? || (SELECT ${d.zeroPad('last', SEQUENCE_DIGITS)} FROM incident_sequences WHERE day = ?)`);
const INSERT_NEXT = { sqlite: insertNextSql(SQLITE), postgres: insertNextSql(POSTGRES) };
const RAISE_SEQUENCE = `INSERT INTO incident_sequences (day, last) VALUES (?, 1)
  ON CONFLICT (day) DO UPDATE SET last = incident_sequences.last + 1`;

/** The values after the reference, in the inserts' column order. */
const rest = (i: Omit<NewIncident, 'id' | 'reference'>) => [
  i.category,
  i.priority,
  i.status,
  i.title,
  i.description,
  i.source,
  i.reporter,
  i.lat,
  i.lon,
  i.venueId,
  i.sector,
  i.locationText,
  i.createdAt,
  i.updatedAt,
  i.acknowledgedAt ?? null,
  i.dispatchedAt ?? null,
  i.onSceneAt ?? null,
  i.resolvedAt ?? null,
  i.closedAt ?? null,
  i.cancelledAt ?? null,
  markingColumn(i.marking),
];

function inserted(db: Db, row: Row): Incident {
  touchRow(db, 'incidents', row as unknown as Record<string, unknown>);
  return toIncident(row);
}

/** Inserts the incident and answers it as stored (its version, its marking as read back). */
export function insertIncident(db: Db, i: NewIncident): Incident {
  return inserted(db, db.prepare(INSERT_INCIDENT).get(i.id, i.reference, ...rest(i)) as Row);
}

/**
 * Inserts a new incident under the next reference of its `day` (INC-0726-0042: the day's counter
 * raised, then read by the insert itself), and answers it as stored. Its journal entry must follow:
 * the journal is locked and its head read ahead in between, in the order every writer takes them
 * (a day's counter, then the journal), so that on a room the counter, the lock, the head and the
 * insert are one round trip.
 */
export function insertNextIncident(db: Db, day: string, i: Omit<NewIncident, 'reference'>): Incident {
  db.prepare(RAISE_SEQUENCE).run(day);
  lockJournalAhead(db);
  const sql = INSERT_NEXT[db.dialect.name];
  return inserted(db, db.prepare(sql).get(i.id, referencePrefix(day), day, ...rest(i)) as Row);
}

export interface IncidentFilter {
  includeClosed: boolean;
  statuses?: IncidentStatus[] | undefined;
  priorities?: Priority[] | undefined;
  categories?: IncidentCategory[] | undefined;
  venueId?: string | undefined;
  sector?: string | undefined;
  /** ISO country of any unit ever assigned to the incident. */
  country?: string | undefined;
  /** Free text, matched as word prefixes over title, description and notes. */
  text?: string | undefined;
  /** Only what this reader may see (absent: everything). */
  release?: ReleaseScope | undefined;
  limit: number;
  /** Keyset paging: only incidents after this one in the board's order. */
  after?: BoardCursor | undefined;
}

/**
 * Which marked items a reader may see, as SQL can ask it: a partner's country, or null for a reader
 * who sees only what is releasable to all partners (the wall). Host staff read with no scope.
 */
export interface ReleaseScope {
  country: string | null;
}

/** SQL: the marking in `column` lets the scope's reader see the row (params @scoped, @scopeCountry). */
export const releasedSql = (db: Db, column: string): string =>
  // The casts give PostgreSQL the parameters' types, which `IS NOT NULL` alone does not.
  `(CAST(@scoped AS integer) = 0 OR ${column} IS NULL OR (CAST(@scopeCountry AS text) IS NOT NULL AND ${db.dialect.jsonHas(column, '@scopeCountry')}))`;

export const releasedParams = (scope: ReleaseScope | undefined) => ({
  scoped: scope ? 1 : 0,
  scopeCountry: scope?.country ?? null,
});

/** A marking's reader check in code, the same rule as releasedSql. */
export const releasedTo = (scope: ReleaseScope | undefined, m: Marking): boolean =>
  !scope || m === null || (scope.country !== null && m.includes(scope.country));

/** Each field of an Incident and its column (the stored row's names). */
const INCIDENT_COLUMNS = {
  id: 'id',
  reference: 'reference',
  category: 'category',
  priority: 'priority',
  status: 'status',
  title: 'title',
  description: 'description',
  source: 'source',
  reporter: 'reporter',
  lat: 'lat',
  lon: 'lon',
  venueId: 'venue_id',
  sector: 'sector',
  locationText: 'location_text',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  acknowledgedAt: 'acknowledged_at',
  dispatchedAt: 'dispatched_at',
  onSceneAt: 'on_scene_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  cancelledAt: 'cancelled_at',
  marking: 'marking',
  version: 'version',
} satisfies Record<keyof Omit<Incident, 'place'>, string>;

/**
 * An incident's columns named as its fields (toIncident's mapping in SQL): a board of thousands of
 * rows is then read as the Incidents themselves, with no second object made for each row. Quoted:
 * PostgreSQL folds unquoted names to lower case.
 */
const BOARD_COLUMNS = Object.entries(INCIDENT_COLUMNS)
  .map(([field, column]) => (field === column ? `i.${column}` : `i.${column} AS "${field}"`))
  .join(', ');

/** The board's WHERE (without the cursor) and its parameters, shared by the page, its count and its points. */
export function boardWhere(db: Db, f: IncidentFilter): { sql: string; params: Record<string, unknown> } {
  const list = <T>(v: T[] | undefined) => (v && v.length ? JSON.stringify(v) : null);
  const d = db.dialect;
  return {
    sql: `(@all = 1 OR i.status NOT IN ('closed', 'cancelled'))
         AND (@statuses IS NULL OR i.status IN ${d.jsonValues('@statuses')})
         AND (@priorities IS NULL OR i.priority IN ${d.jsonValues('@priorities', 'int')})
         AND (@categories IS NULL OR i.category IN ${d.jsonValues('@categories')})
         AND (@venue IS NULL OR i.venue_id = @venue)
         AND (@sector IS NULL OR i.sector = @sector)
         AND (@country IS NULL OR EXISTS (
               SELECT 1 FROM assignments a JOIN units u ON u.id = a.unit_id JOIN contingents c ON c.id = u.contingent_id
               WHERE a.incident_id = i.id AND c.country = @country))
         AND (@match IS NULL OR ${d.incidentMatches('i', '@match')})
         AND ${releasedSql(db, 'i.marking')}`,
    params: {
      all: f.includeClosed || (f.statuses?.length ?? 0) > 0 ? 1 : 0,
      statuses: list(f.statuses),
      priorities: list(f.priorities),
      categories: list(f.categories),
      venue: f.venueId ?? null,
      sector: f.sector ?? null,
      country: f.country ?? null,
      match: f.text ? d.textQuery(f.text) : null,
      ...releasedParams(f.release),
    },
  };
}

/**
 * The board: filtered, open first by priority then age (ties by id, the order the console keeps),
 * from `after` on when given (keyset paging: no offset to walk).
 */
export function listIncidents(db: Db, f: IncidentFilter): Incident[] {
  const where = boardWhere(db, f);
  const after = f.after ?? null;
  const rows = db
    .prepare(
      `SELECT ${BOARD_COLUMNS} FROM incidents i
       WHERE ${where.sql}
         AND (CAST(@afterP AS integer) IS NULL OR i.priority > @afterP
              OR (i.priority = @afterP AND (i.created_at > @afterT OR (i.created_at = @afterT AND i.id > @afterId))))
       ORDER BY i.priority, i.created_at, i.id
       LIMIT @limit`,
    )
    .all({
      ...where.params,
      afterP: after?.priority ?? null,
      afterT: after?.createdAt ?? null,
      afterId: after?.id ?? null,
      limit: f.limit,
    }) as (Omit<Incident, 'marking'> & { marking: Marking | string | null })[];
  // The columns come named as the Incident's fields: only the marking's text is turned into its list.
  for (const r of rows) r.marking = markingOf(r.marking as string | null);
  return rows as Incident[];
}

/** How many incidents the board's filter matches in all (the cursor and the limit aside). */
export function countIncidents(db: Db, f: IncidentFilter): number {
  const where = boardWhere(db, f);
  const row = db.prepare(`SELECT COUNT(*) AS n FROM incidents i WHERE ${where.sql}`).get(where.params) as {
    n: number | string;
  };
  // PostgreSQL's count is a bigint, which arrives as text.
  return Number(row.n);
}

export function getIncident(db: Db, id: string): Incident | null {
  const row = db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as Row | undefined;
  return row ? toIncident(row) : null;
}

export function getIncidentByReference(db: Db, reference: string): Incident | null {
  const row = db.prepare('SELECT * FROM incidents WHERE reference = ?').get(reference) as Row | undefined;
  return row ? toIncident(row) : null;
}

export type IncidentPatch = Partial<
  Pick<
    Incident,
    | 'category'
    | 'priority'
    | 'title'
    | 'description'
    | 'source'
    | 'reporter'
    | 'lat'
    | 'lon'
    | 'venueId'
    | 'sector'
    | 'locationText'
    | 'marking'
  >
>;

/** Optimistic update of editable fields; false when the row is missing or its version moved on. */
export function updateIncident(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: IncidentPatch,
  at: string,
): boolean {
  const keys = Object.keys(patch) as (keyof IncidentPatch)[];
  const sets = keys.map((k) => `${INCIDENT_COLUMNS[k]} = @${k}`);
  const r = db
    .prepare(
      `UPDATE incidents SET ${[...sets, 'updated_at = @at', 'version = version + 1'].join(', ')}
       WHERE id = @id AND version = @expectedVersion`,
    )
    .run({
      ...patch,
      ...('marking' in patch ? { marking: markingColumn(patch.marking) } : {}),
      at,
      id,
      expectedVersion,
    });
  touch(db, 'incidents', id);
  return r.changes === 1;
}

/** Moves the incident to a new status, stamping when it got there; optimistic like every update. */
export function setIncidentStatus(
  db: Db,
  id: string,
  expectedVersion: number,
  status: IncidentStatus,
  at: string,
): boolean {
  const stamp = STATUS_TIMESTAMP[status];
  const r = db
    .prepare(
      `UPDATE incidents SET status = @status, updated_at = @at, version = version + 1
         ${stamp ? `, ${stamp} = @at` : ''}
       WHERE id = @id AND version = @expectedVersion`,
    )
    .run({ status, at, id, expectedVersion });
  touch(db, 'incidents', id);
  return r.changes === 1;
}

/** Next daily sequence number for incident references (e.g. the 42 of INC-0726-0042). */
export function nextIncidentSequence(db: Db, day: string): number {
  const row = db.prepare(`${RAISE_SEQUENCE} RETURNING last`).get(day) as { last: number };
  return row.last;
}

/** Every day's last issued reference number. */
export function incidentSequences(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT day, last FROM incident_sequences').all() as {
    day: string;
    last: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.day, r.last]));
}

/** Raises each day's counter to at least the given number; returns the days that were raised. */
export function raiseIncidentSequences(db: Db, issued: Record<string, number>): Record<string, number> {
  const current = incidentSequences(db);
  const raise = db.prepare(
    `INSERT INTO incident_sequences (day, last) VALUES (?, ?)
     ON CONFLICT (day) DO UPDATE SET last = ${db.dialect.greatest('incident_sequences.last', 'excluded.last')}`,
  );
  const raised: Record<string, number> = {};
  for (const [day, last] of Object.entries(issued)) {
    if ((current[day] ?? 0) >= last) continue;
    raise.run(day, last);
    raised[day] = last;
  }
  return raised;
}
