// The append-only, hash-chained journal. Each entry's hash covers its content and the previous
// hash, so any edit, deletion or reordering breaks the chain from that entry on.
import { createHash } from 'node:crypto';
import type { Db } from './db.js';
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
}

export function entryHash(r: Omit<Row, 'hash'>): string {
  // The role joined the entry in schema v6: entries from before have none and keep their hashes.
  const role = r.role === null || r.role === undefined ? [] : [r.role];
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
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry; call inside the transaction that makes the change it records. */
export function appendEntry(db: Db, e: NewEntry): JournalEntry {
  db.lockJournal();
  const last = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
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
  };
  const full: Row = { ...row, hash: entryHash(row) };
  db.prepare(
    `INSERT INTO journal (seq, at, recorded_at, operator, role, desk, action, entity_type, entity_id, data, prev_hash, hash)
     VALUES (@seq, @at, @recorded_at, @operator, @role, @desk, @action, @entity_type, @entity_id, @data, @prev_hash, @hash)`,
  ).run(full);
  db.appended(full.seq);
  return toEntry(full);
}

export interface ListOptions {
  limit: number;
  beforeSeq?: number | undefined;
  entityId?: string | undefined;
}

export function listEntries(db: Db, o: ListOptions): JournalEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM journal
       WHERE (@before IS NULL OR seq < @before) AND (@entity IS NULL OR entity_id = @entity)
       ORDER BY seq DESC LIMIT @limit`,
    )
    .all({ before: o.beforeSeq ?? null, entity: o.entityId ?? null, limit: o.limit }) as Row[];
  return rows.map(toEntry);
}

export interface ChainResult {
  ok: boolean;
  entries: number;
  firstBadSeq: number | null;
  reason: string | null;
}

const VERIFY_PAGE = 5000;

/** Recomputes the whole chain in seq order, a page at a time (constant memory, any engine). */
export function verifyChain(db: Db): ChainResult {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let after = 0;
  const page = db.prepare('SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT ?');
  for (;;) {
    const rows = page.all(after, VERIFY_PAGE) as Row[];
    for (const r of rows) {
      entries++;
      const bad = (reason: string): ChainResult => ({ ok: false, entries, firstBadSeq: r.seq, reason });
      if (r.seq !== expectedSeq) return bad(`sequence gap: expected ${expectedSeq}, found ${r.seq}`);
      if (r.prev_hash !== prevHash) return bad('previous-hash link broken');
      if (entryHash(r) !== r.hash) return bad('content does not match its hash');
      prevHash = r.hash;
      expectedSeq++;
    }
    if (rows.length < VERIFY_PAGE) return { ok: true, entries, firstBadSeq: null, reason: null };
    after = rows[rows.length - 1]?.seq ?? after;
  }
}

/** Entries after `seq`, oldest first: what a desk that has seen up to `seq` is missing. */
export function entriesAfter(db: Db, seq: number, limit: number): JournalEntry[] {
  const rows = db
    .prepare('SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT ?')
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
