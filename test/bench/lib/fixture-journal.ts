// The journal that goes with the bench data: BulkJournal appends entries in the real format with the
// real SHA-256 chain, but keeps the chain's head in memory and uses one prepared statement, the fast
// path for building large fixtures; buildJournal uses it for the 1,000,000-entry chain.
import { sqliteHandle } from '../../../electron/store/sqlite.js';
import {
  entryHash,
  entryParams,
  GENESIS_HASH,
  INSERT_ENTRY,
  type EntryParams,
  type NewEntry,
} from '../../../electron/store/journal.js';
import { openDatabase, type Db } from '../../../electron/store/db.js';
import { readAfterImages } from '../../../electron/store/after-images.js';
import { iso } from '../../../shared/clock.js';

export interface JournalRow {
  seq: number;
  hash: string;
  /** The journal insert's parameters, in its column order, as Vigie's own (entryParams). */
  params: EntryParams;
}

/**
 * Entry `e` as the journal row after (seq - 1, prevHash): its real hash, ready to insert. The
 * after-images (JSON, as appendEntry writes them) are hashed with it when given.
 */
export function journalRow(
  e: NewEntry,
  seq: number,
  prevHash: string,
  afterImages: string | null = null,
): JournalRow {
  const row = {
    seq,
    at: e.at,
    recorded_at: e.recordedAt,
    operator: e.operator,
    role: e.role,
    desk: e.desk,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    data: JSON.stringify(e.data ?? null),
    prev_hash: prevHash,
    after_images: afterImages,
  };
  const hash = entryHash(row);
  return {
    seq,
    hash,
    params: entryParams(row, hash),
  };
}

/** The journal's fast path: real entries and hashes, the chain's head kept in memory. */
export class BulkJournal {
  private seq: number;
  private prev: string;
  private readonly insert;

  constructor(private readonly db: Db) {
    const last = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    this.seq = last?.seq ?? 0;
    this.prev = last?.hash ?? GENESIS_HASH;
    this.insert = db.prepare(INSERT_ENTRY);
  }

  append(e: NewEntry): void {
    // The rows written since the last entry, recorded as appendEntry does.
    const touched = this.db.touched.take();
    const after = touched.length ? JSON.stringify(readAfterImages(this.db, touched)) : null;
    const row = journalRow(e, this.seq + 1, this.prev, after);
    this.insert.run(...row.params);
    this.seq = row.seq;
    this.prev = row.hash;
  }

  get entries(): number {
    return this.seq;
  }
}

const BENCH_OPERATOR = { operator: 'Bench Fixture', role: 'watch_officer', desk: 'bench' };
export const entry = (
  at: string,
  action: string,
  entityType: string,
  entityId: string | null,
  data: unknown,
): NewEntry => ({
  at,
  recordedAt: at,
  ...BENCH_OPERATOR,
  action,
  entityType,
  entityId,
  data,
});

/** A realistic journal entry for the 1,000,000-entry chain: mostly moves, then incident traffic. */
function chainEntry(seq: number, atMs: number): NewEntry {
  const at = iso(atMs);
  const unit = `01J8Z${String(seq % 5000).padStart(21, '0')}`;
  const k = seq % 20;
  if (k < 14) {
    const lat = 48.85 + (seq % 997) / 1e5;
    const lon = 2.3 + (seq % 991) / 1e5;
    return entry(at, 'unit.moved', 'unit', unit, {
      callsign: `FR-${seq % 5000}`,
      source: 'report',
      from: { lat, lon, at, venueId: null },
      to: { lat: lat + 0.0002, lon: lon - 0.0001, venueId: null },
    });
  }
  const incident = `01J8Y${String(seq % 50_000).padStart(21, '0')}`;
  if (k < 16) {
    return entry(at, 'incident.created', 'incident', incident, {
      reference: `INC-0726-${String(seq % 10_000).padStart(4, '0')}`,
      category: 'unattended_bag',
      priority: 2,
      status: 'new',
      title: "Bagage abandonné pont d'Iéna",
      description: "Signalé près du pont d'Iéna; équipe demandée pour lever le doute.",
      source: 'radio',
      lat: 48.8583,
      lon: 2.2922,
      createdAt: at,
    });
  }
  if (k < 19) {
    return entry(at, 'incident.acknowledge', 'incident', incident, {
      reference: `INC-0726-${String(seq % 10_000).padStart(4, '0')}`,
      from: 'new',
      to: 'acknowledged',
      reason: null,
    });
  }
  return entry(at, 'incident.note_added', 'incident', incident, {
    reference: `INC-0726-${String(seq % 10_000).padStart(4, '0')}`,
    noteId: `01J8X${String(seq).padStart(21, '0')}`,
    text: 'Levée de doute effectuée, RAS.',
  });
}

/**
 * A journal of `count` entries in a fresh database file, through BulkJournal in large
 * transactions. Built with journal_mode=OFF and synchronous=OFF and its named indexes created after
 * the rows (a fixture, not a figure), then switched back to the project's WAL and synchronous=FULL
 * before it is measured.
 */
export function buildJournal(file: string, count: number): void {
  const db = openDatabase(file);
  try {
    sqliteHandle(db).pragma('journal_mode = OFF');
    sqliteHandle(db).pragma('synchronous = OFF');
    sqliteHandle(db).pragma('cache_size = -262144');
    // The journal's named indexes are built once at the end rather than row by row (the same
    // indexes, from the schema's own SQL); the hash's UNIQUE index stays, it is part of the table.
    const indexes = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'journal' AND sql IS NOT NULL",
      )
      .all() as { name: string; sql: string }[];
    for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
    const journal = new BulkJournal(db);
    const start = Date.parse('2024-07-26T04:00:00Z');
    const batch = 50_000;
    for (let first = 1; first <= count; first += batch) {
      db.transaction(() => {
        for (let seq = first; seq < first + batch && seq <= count; seq++)
          journal.append(chainEntry(seq, start + seq * 40));
      })();
    }
    for (const i of indexes) db.exec(i.sql);
    sqliteHandle(db).pragma('journal_mode = WAL');
    sqliteHandle(db).pragma('synchronous = FULL');
  } finally {
    db.close();
  }
}
