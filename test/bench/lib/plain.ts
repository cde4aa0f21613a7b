// The peer's operations: what Vigie's services do for each benchmarked call, written as plain SQL
// with statements prepared once per connection, so that the same code runs on node:sqlite and on
// better-sqlite3. Hashing (entryHash), ids, references and CSV parsing are Vigie's own, so the
// difference between peers is the driver and the layers above SQL, nothing else.
import { entryHash, GENESIS_HASH, type ChainResult, type NewEntry } from '../../../electron/store/journal.js';
import { newId } from '../../../electron/services/ids.js';
import type { Clock } from '../../../shared/clock.js';
import { iso } from '../../../shared/clock.js';
import { formatReference, referenceDay } from '../../../shared/reference.js';
import { contingentKey, parseRoster } from '../../../shared/roster.js';
import {
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  type IncidentSource,
  type IncidentStatus,
  type Priority,
} from '../../../shared/domain.js';
import type { Row, Sql, Stmt, Value } from './sql.js';
import { inBox, PARIS } from './fixture.js';
import { journalRow } from './fixture-journal.js';

const OPERATOR = { operator: 'Bench Operator', role: 'supervisor', desk: 'bench' };

export interface NewIncidentInput {
  category: IncidentCategory;
  priority: Priority;
  title: string;
  description: string;
  source: IncidentSource;
  lat: number;
  lon: number;
}

/** The benches' incident i: categories and priorities in turn, a place in central Paris drawn from r. */
export const benchIncident = (r: () => number, i: number): NewIncidentInput => ({
  category: INCIDENT_CATEGORIES[i % INCIDENT_CATEGORIES.length] as IncidentCategory,
  priority: ((i % 4) + 1) as Priority,
  title: `Colis suspect quai Branly ${i}`,
  description: 'Sac noir laissé au pied du pont, signalé par un agent de sécurité.',
  source: 'radio',
  ...inBox(r, PARIS),
});

export interface BoardFilter {
  includeClosed?: boolean;
  statuses?: IncidentStatus[];
  priorities?: Priority[];
  text?: string;
  limit?: number;
}

/** The board's WHERE in electron/store/incidents.ts (boardWhere), word for word. */
const BOARD_WHERE = `(@all = 1 OR i.status NOT IN ('closed', 'cancelled'))
         AND (@statuses IS NULL OR i.status IN (SELECT value FROM json_each(@statuses)))
         AND (@priorities IS NULL OR i.priority IN (SELECT value FROM json_each(@priorities)))
         AND (@categories IS NULL OR i.category IN (SELECT value FROM json_each(@categories)))
         AND (@venue IS NULL OR i.venue_id = @venue)
         AND (@sector IS NULL OR i.sector = @sector)
         AND (@country IS NULL OR EXISTS (
               SELECT 1 FROM assignments a JOIN units u ON u.id = a.unit_id JOIN contingents c ON c.id = u.contingent_id
               WHERE a.incident_id = i.id AND c.country = @country))
         AND (@match IS NULL OR i.rowid IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH @match))`;

/** The board statement of electron/store/incidents.ts (listIncidents), word for word, from the first row. */
const BOARD_SQL = `SELECT i.id, i.reference, i.category, i.priority, i.status, i.title, i.description, i.source,
       i.reporter, i.lat, i.lon, i.venue_id AS "venueId", i.sector, i.location_text AS "locationText",
       i.created_at AS "createdAt", i.updated_at AS "updatedAt", i.acknowledged_at AS "acknowledgedAt",
       i.dispatched_at AS "dispatchedAt", i.on_scene_at AS "onSceneAt", i.resolved_at AS "resolvedAt",
       i.closed_at AS "closedAt", i.cancelled_at AS "cancelledAt", i.marking, i.version
       FROM incidents i
       WHERE ${BOARD_WHERE}
       ORDER BY i.priority, i.created_at, i.id
       LIMIT @limit`;

/** Its count (countIncidents): how many match in all. */
const COUNT_SQL = `SELECT COUNT(*) AS n FROM incidents i WHERE ${BOARD_WHERE}`;

const ftsQuery = (text: string): string | null => {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/"/g, '').trim())
    .filter(Boolean);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
};

const boardParams = (f: BoardFilter) => {
  const list = <T>(v: T[] | undefined) => (v && v.length ? JSON.stringify(v) : null);
  return {
    all: f.includeClosed || (f.statuses?.length ?? 0) > 0 ? 1 : 0,
    statuses: list(f.statuses),
    priorities: list(f.priorities),
    categories: null,
    venue: null,
    sector: null,
    country: null,
    match: f.text ? ftsQuery(f.text) : null,
  };
};

export class PlainStore {
  private readonly s: Record<
    | 'last'
    | 'appendRow'
    | 'sequence'
    | 'insertIncident'
    | 'getIncident'
    | 'board'
    | 'boardCount'
    | 'unitByCallsign'
    | 'insertContingent'
    | 'insertUnit'
    | 'insertPosition',
    Stmt
  >;

  constructor(
    readonly sql: Sql,
    private readonly clock: Clock,
  ) {
    const p = (text: string) => sql.prepare(text);
    this.s = {
      last: p('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1'),
      appendRow: p(
        `INSERT INTO journal (seq, at, recorded_at, operator, role, desk, action, entity_type, entity_id, data, prev_hash, hash,
           after_images)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      sequence: p(
        `INSERT INTO incident_sequences (day, last) VALUES (?, 1)
         ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`,
      ),
      insertIncident: p(
        `INSERT INTO incidents (id, reference, category, priority, status, title, description, source, reporter,
           lat, lon, venue_id, sector, location_text, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'new', ?, ?, ?, NULL, ?, ?, NULL, NULL, NULL, ?, ?)`,
      ),
      getIncident: p('SELECT * FROM incidents WHERE id = ?'),
      board: p(BOARD_SQL),
      boardCount: p(COUNT_SQL),
      unitByCallsign: p('SELECT id FROM units WHERE callsign = ?'),
      insertContingent: p(
        `INSERT INTO contingents (id, country, agency, liaison_name, liaison_contact, languages, personnel, arrival, departure)
         VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, NULL)`,
      ),
      insertUnit: p(
        `INSERT INTO units (id, callsign, contingent_id, kind, personnel, armed, status, venue_id, sector, lat, lon,
           position_at, position_source, k9_handler, k9_dog, k9_detection, k9_rest_due, notes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertPosition: p(
        'INSERT INTO unit_positions (unit_id, at, lat, lon, source) VALUES (?, ?, ?, ?, ?) RETURNING id',
      ),
    };
  }

  private readonly imageReads = new Map<string, Stmt>();

  /**
   * appendEntry: read the chain's head, read back the rows the change wrote (one statement per
   * table, as after-images.ts does), hash, insert. Call inside a transaction.
   */
  append(e: NewEntry, touched: [string, string | number][] = []): void {
    const last = this.s.last.get() as { seq: number; hash: string } | undefined;
    let after: string | null = null;
    if (touched.length) {
      const images: [string, unknown[], Row | null][] = [];
      for (const table of new Set(touched.map(([t]) => t))) {
        const ids = touched.filter(([t]) => t === table).map(([, id]) => id);
        const text = `SELECT * FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')})`;
        let read = this.imageReads.get(text);
        if (!read) this.imageReads.set(text, (read = this.sql.prepare(text)));
        const rows = read.all(...ids);
        for (const id of ids) images.push([table, [id], rows.find((r) => r['id'] === id) ?? null]);
      }
      after = JSON.stringify(images);
    }
    this.s.appendRow.run(...journalRow(e, (last?.seq ?? 0) + 1, last?.hash ?? GENESIS_HASH, after).params);
  }

  private entry(action: string, entityType: string, entityId: string | null, data: unknown): NewEntry {
    const at = iso(this.clock.now());
    return { at, recordedAt: at, ...OPERATOR, action, entityType, entityId, data };
  }

  /** createIncident: reference, insert, read back, journal; one transaction. */
  createIncident(input: NewIncidentInput): void {
    this.sql.transaction(() => {
      const now = this.clock.now();
      const at = iso(now);
      const day = referenceDay(now, 'Europe/Paris');
      const id = newId(this.clock);
      const { last } = this.s.sequence.get(day) as { last: number };
      this.s.insertIncident.run(
        id,
        formatReference(day, last),
        input.category,
        input.priority,
        input.title,
        input.description,
        input.source,
        input.lat,
        input.lon,
        at,
        at,
      );
      const created = this.s.getIncident.get(id);
      this.append(this.entry('incident.created', 'incident', id, created), [['incidents', id]]);
    });
  }

  /** One journal entry in its own transaction (durable on return). */
  appendDurable(action: string, data: unknown): void {
    this.sql.transaction(() => this.append(this.entry(action, 'unit', null, data)));
  }

  /** Many journal entries in one transaction. */
  appendBatch(count: number, data: (i: number) => unknown): void {
    this.sql.transaction(() => {
      for (let i = 0; i < count; i++) this.append(this.entry('unit.moved', 'unit', null, data(i)));
    });
  }

  /**
   * importRoster on an empty database: parse (Vigie's parser), look each callsign up, create the
   * contingents, then each unit with its first position fix and journal entry; one transaction.
   */
  importRoster(csv: string): number {
    return this.sql.transaction(() => {
      const parsed = parseRoster(csv, []);
      if (parsed.rejected.length) throw new Error(`roster rejected: ${JSON.stringify(parsed.rejected[0])}`);
      const at = iso(this.clock.now());
      const contingents = new Map<
        string,
        { id: string; row: (typeof parsed.rows)[number]; personnel: number }
      >();
      for (const row of parsed.rows) {
        if (this.s.unitByCallsign.get(row.callsign)) throw new Error(`${row.callsign} exists`);
        const key = contingentKey(row.country, row.agency);
        const c = contingents.get(key);
        if (c) c.personnel += row.personnel;
        else contingents.set(key, { id: newId(this.clock), row, personnel: row.personnel });
      }
      for (const c of contingents.values()) {
        const languages = JSON.stringify(c.row.languages ?? []);
        this.s.insertContingent.run(
          c.id,
          c.row.country,
          c.row.agency,
          c.row.liaison ?? null,
          languages,
          c.personnel,
        );
        this.append(
          this.entry('contingent.created', 'contingent', c.id, { ...c.row, personnel: c.personnel }),
          [['contingents', c.id]],
        );
      }
      for (const row of parsed.rows) {
        const id = newId(this.clock);
        const contingentId = (contingents.get(contingentKey(row.country, row.agency)) as { id: string }).id;
        const v: Value[] = [
          id,
          row.callsign,
          contingentId,
          row.kind,
          row.personnel,
          row.armed ? 1 : 0,
          row.status ?? 'available',
          row.venueId ?? null,
          row.sector ?? null,
          row.position?.lat ?? null,
          row.position?.lon ?? null,
          row.position ? at : null,
          row.position ? 'import' : null,
          row.handler ?? null,
          row.dog ?? null,
          row.detection ?? null,
          row.restDue ?? null,
          row.notes ?? null,
        ];
        this.s.insertUnit.run(...v);
        const touched: [string, string | number][] = [['units', id]];
        if (row.position) {
          const fix = this.s.insertPosition.get(id, at, row.position.lat, row.position.lon, 'import') as Row;
          touched.push(['unit_positions', fix['id'] as number]);
        }
        this.append(this.entry('unit.created', 'unit', id, { ...row, contingentId }), touched);
      }
      this.append(this.entry('roster.imported', 'roster', null, { rows: parsed.rows.length }));
      return parsed.rows.length;
    });
  }

  /** The board query with the statement listIncidents runs; raw rows. */
  board(f: BoardFilter): Row[] {
    return this.s.board.all({ ...boardParams(f), limit: f.limit ?? 10_000 });
  }

  /** The board's first page as listIncidentPage asks it of the store: one row more than shown, and the count. */
  boardPage(f: BoardFilter, size: number): { rows: Row[]; total: number } {
    const rows = this.s.board.all({ ...boardParams(f), limit: size + 1 }).slice(0, size);
    const total = Number((this.s.boardCount.get(boardParams(f)) as { n: number }).n);
    return { rows, total };
  }
}

/** verifyChain's algorithm (electron/store/journal.ts) over any driver. */
export function verifyPlain(sql: Sql): ChainResult {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  type JRow = Parameters<typeof entryHash>[0] & { hash: string };
  for (const r of sql.prepare('SELECT * FROM journal ORDER BY seq').iterate() as Iterable<JRow>) {
    entries++;
    const bad = (reason: string): ChainResult => ({ ok: false, entries, firstBadSeq: r.seq, reason });
    if (r.seq !== expectedSeq) return bad(`sequence gap: expected ${expectedSeq}, found ${r.seq}`);
    if (r.prev_hash !== prevHash) return bad('previous-hash link broken');
    if (entryHash(r) !== r.hash) return bad('content does not match its hash');
    prevHash = r.hash;
    expectedSeq++;
  }
  return { ok: true, entries, firstBadSeq: null, reason: null };
}
