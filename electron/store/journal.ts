// The append-only, hash-chained journal. Each entry's hash covers its content and the previous
// hash, so any edit, deletion or reordering breaks the chain from that entry on.
import { createHash } from 'node:crypto';
import type { Db } from './db-types.js';
import { readAfterImages } from './after-images.js';
import type { JournalEntry } from '../../shared/domain.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface NewEntry {
  at: string;
  recordedAt: string;
  operator: string;
  /** The operator's role; null only in entries written before roles existed. */
  role: string | null;
  desk: string;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
}

interface Row {
  seq: number;
  at: string;
  recorded_at: string;
  operator: string;
  role: string | null;
  desk: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
  /** JSON: the rows the change wrote, after it (after-images.ts); null before schema v8 and when none. */
  after_images?: string | null;
}

/** A journal row exactly as stored: what its hash covers (a desk's copy receives these, mirror-apply.ts). */
export type StoredEntry = Row;

export function entryHash(r: Omit<Row, 'hash'>): string {
  // The role joined the entry in schema v6, the after-images in v8: entries from before have none
  // and keep their hashes.
  const role = r.role === null || r.role === undefined ? [] : [r.role];
  const after = r.after_images === null || r.after_images === undefined ? [] : [r.after_images];
  const canonical = JSON.stringify([
    ...role,
    r.seq,
    r.at,
    r.recorded_at,
    r.operator,
    r.desk,
    r.action,
    r.entity_type,
    r.entity_id,
    r.data,
    r.prev_hash,
    ...after,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Locks the journal until the transaction ends and says which number the next entry will take. */
export function nextJournalSeq(db: Db): number {
  db.lockJournal();
  const last = db.prepare('SELECT seq FROM journal ORDER BY seq DESC LIMIT 1').get() as
    { seq: number } | undefined;
  return (last?.seq ?? 0) + 1;
}

// Bound by position: better-sqlite3 looks each named parameter up on the object at every run, which
// cost more than the insert itself in a batch (roster import, seeding).
const HEAD = 'SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1';
export const INSERT_ENTRY = `INSERT INTO journal (seq, at, recorded_at, operator, role, desk, action, entity_type,
    entity_id, data, prev_hash, hash, after_images)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** A row's values, with its hash, in INSERT_ENTRY's column order. */
export function entryParams(r: Omit<Row, 'hash'>, hash: string): EntryParams {
  return [
    r.seq,
    r.at,
    r.recorded_at,
    r.operator,
    r.role,
    r.desk,
    r.action,
    r.entity_type,
    r.entity_id,
    r.data,
    r.prev_hash,
    hash,
    r.after_images ?? null,
  ];
}

export type EntryParams = [
  number,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string,
  string | null,
];

/**
 * Takes the journal lock and sends the read of the chain's head now, for the transaction's next
 * entry: on a room both go with the next statement waited for (the change's own write) instead of
 * a round trip of their own at the append. The lock is then held from here to the commit. The
 * head is kept for the next appendEntry of the same block only (a savepoint begun or ended drops it).
 */
export function lockJournalAhead(db: Db): void {
  db.lockJournal();
  db.touched.aheadHead(db.readAhead(HEAD));
}

/** Appends one entry; call inside the transaction that makes the change it records. */
export function appendEntry(db: Db, e: NewEntry): JournalEntry {
  db.lockJournal();
  const touched = db.touched.take();
  // Read under the journal lock, never remembered: another process may have appended since.
  const ahead = db.touched.takeHead();
  const last = (ahead ? ahead.rows[0] : db.prepare(HEAD).get()) as { seq: number; hash: string } | undefined;
  const row: Omit<Row, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: e.at,
    recorded_at: e.recordedAt,
    operator: e.operator,
    role: e.role,
    desk: e.desk,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    data: JSON.stringify(e.data ?? null),
    prev_hash: last?.hash ?? GENESIS_HASH,
    after_images: touched.length ? JSON.stringify(readAfterImages(db, touched)) : null,
  };
  const hash = entryHash(row);
  db.prepare(INSERT_ENTRY).run(...entryParams(row, hash));
  db.appended(row.seq);
  return entryOf(row, hash);
}

/**
 * The entry as a reader gets it, its data parsed back from the stored JSON only when read: most
 * callers never look at it, and parsing was a sixth of an append's time in a batch.
 */
function entryOf(row: Omit<Row, 'hash'>, hash: string): JournalEntry {
  let data: unknown;
  let parsed = false;
  return {
    seq: row.seq,
    at: row.at,
    operator: row.operator,
    role: row.role ?? null,
    desk: row.desk,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    get data(): unknown {
      if (!parsed) {
        data = JSON.parse(row.data) as unknown;
        parsed = true;
      }
      return data;
    },
    prevHash: row.prev_hash,
    hash,
  };
}

/** One page of the journal, newest first; every filter is optional (see shared/api/journal.ts). */
// What a reader is sent: the after-images stay for verify and replay, which read them on their own.
const ENTRY_COLUMNS =
  'seq, at, recorded_at, operator, role, desk, action, entity_type, entity_id, data, prev_hash, hash';

export interface ListOptions {
  limit: number;
  beforeSeq?: number | undefined;
  /** Part of the operator's name; case is ignored (for non-ASCII letters, on PostgreSQL only). */
  operator?: string | undefined;
  desk?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** An action exactly, or its family: "incident" takes every "incident.*". */
  action?: string | undefined;
  /** Operation time `at`: from (inclusive) and to (exclusive), ISO 8601 in UTC like the column. */
  from?: string | undefined;
  to?: string | undefined;
}

// LIKE's wildcards taken literally: operator names and action codes hold '_' and may hold '%'.
const likeLiteral = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function listEntries(db: Db, o: ListOptions): JournalEntry[] {
  // Only the filters given become conditions, so each engine can use its index for the ones that
  // have one (entity_id, at) instead of a condition that is always true.
  const where: string[] = [];
  const params: unknown[] = [];
  const when = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (o.beforeSeq !== undefined) when('seq < ?', o.beforeSeq);
  if (o.operator !== undefined)
    when("LOWER(operator) LIKE LOWER(CAST(? AS text)) ESCAPE '\\'", `%${likeLiteral(o.operator)}%`);
  if (o.desk !== undefined) when('desk = ?', o.desk);
  if (o.entityType !== undefined) when('entity_type = ?', o.entityType);
  if (o.entityId !== undefined) when('entity_id = ?', o.entityId);
  if (o.action !== undefined)
    when("(action = ? OR action LIKE ? ESCAPE '\\')", o.action, `${likeLiteral(o.action)}.%`);
  if (o.from !== undefined) when('at >= ?', o.from);
  if (o.to !== undefined) when('at < ?', o.to);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM journal ${filter} ORDER BY seq DESC LIMIT ?`)
    .all(...params, o.limit) as Row[];
  return rows.map(toEntry);
}

export interface ChainResult {
  ok: boolean;
  entries: number;
  firstBadSeq: number | null;
  reason: string | null;
}

const VERIFY_PAGE = 5000;

/** A place in the chain: entry `seq` and its hash (seq 0 is the genesis, before the first entry). */
export interface ChainPoint {
  seq: number;
  hash: string;
}

export const GENESIS: ChainPoint = { seq: 0, hash: GENESIS_HASH };

export interface ChainStretch extends ChainResult {
  /** The last entry checked and found good (`from` when none was). */
  reached: ChainPoint;
  /** Whether the stretch reached the journal's end (or a bad entry); false when `maxEntries` stopped it. */
  done: boolean;
}

/**
 * Checks the entries after `from`, in seq order, a page at a time (constant memory, any engine):
 * each must follow the one before it and match its own hash. At most `maxEntries` (all by default),
 * so a long chain can be checked in slices; `entries` counts those checked in this call.
 */
export function verifyChainFrom(db: Db, from: ChainPoint, maxEntries = Infinity): ChainStretch {
  let reached = from;
  let entries = 0;
  const page = db.prepare('SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT ?');
  for (;;) {
    const limit = Math.min(VERIFY_PAGE, maxEntries - entries);
    if (limit <= 0) return { ok: true, entries, firstBadSeq: null, reason: null, reached, done: false };
    const rows = page.all(reached.seq, limit) as Row[];
    for (const r of rows) {
      entries++;
      const bad = (reason: string): ChainStretch => ({
        ok: false,
        entries,
        firstBadSeq: r.seq,
        reason,
        reached,
        done: true,
      });
      if (r.seq !== reached.seq + 1) return bad(`sequence gap: expected ${reached.seq + 1}, found ${r.seq}`);
      if (r.prev_hash !== reached.hash) return bad('previous-hash link broken');
      if (entryHash(r) !== r.hash) return bad('content does not match its hash');
      reached = { seq: r.seq, hash: r.hash };
    }
    if (rows.length < limit)
      return { ok: true, entries, firstBadSeq: null, reason: null, reached, done: true };
  }
}

/** Recomputes the whole chain from its first entry. */
export function verifyChain(db: Db): ChainResult {
  const { ok, entries, firstBadSeq, reason } = verifyChainFrom(db, GENESIS);
  return { ok, entries, firstBadSeq, reason };
}

/** Entries after `seq`, oldest first: what a desk that has seen up to `seq` is missing. */
export function entriesAfter(db: Db, seq: number, limit: number): JournalEntry[] {
  const rows = db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM journal WHERE seq > ? ORDER BY seq LIMIT ?`)
    .all(seq, limit) as Row[];
  return rows.map(toEntry);
}

function toEntry(r: Row): JournalEntry {
  return {
    seq: r.seq,
    at: r.at,
    operator: r.operator,
    role: r.role ?? null,
    desk: r.desk,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: JSON.parse(r.data) as unknown,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
