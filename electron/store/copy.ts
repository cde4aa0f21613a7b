// Copies a whole operation from one database to another, either engine to either engine: a desk's
// file into a room, a room into an archive file. Every column value travels as it is (ids,
// versions, the journal's seq, hashes and data), so the copy's journal chain is the original's.
// Full-text tables are not copied: the destination's triggers rebuild them as incidents and then
// their notes arrive. Rows are read a page at a time by primary key, so a journal of a million
// entries never sits in memory. The caller chooses the transactions (see readSnapshot).
import type { Db } from './db.js';

interface CopiedTable {
  name: string;
  key: readonly string[];
}

/** Every ordinary table in foreign-key order (handovers point at journal entries). */
export const COPY_ORDER: readonly CopiedTable[] = [
  { name: 'meta', key: ['key'] },
  { name: 'contingents', key: ['id'] },
  { name: 'accounts', key: ['id'] },
  { name: 'operators', key: ['id'] },
  { name: 'venues', key: ['id'] },
  { name: 'zones', key: ['id'] },
  { name: 'routes', key: ['id'] },
  { name: 'route_bridges', key: ['route_id', 'ord'] },
  { name: 'units', key: ['id'] },
  { name: 'unit_positions', key: ['id'] },
  { name: 'incident_sequences', key: ['day'] },
  { name: 'incidents', key: ['id'] },
  { name: 'assignments', key: ['id'] },
  { name: 'journal', key: ['seq'] },
  { name: 'incident_notes', key: ['id'] },
  { name: 'settings', key: ['key'] },
  { name: 'handovers', key: ['id'] },
  { name: 'parade_plans', key: ['route_id'] },
  { name: 'parade_actuals', key: ['id'] },
  { name: 'alert_level', key: ['id'] },
  { name: 'bulletins', key: ['id'] },
  { name: 'bulletin_acks', key: ['bulletin_id', 'desk'] },
  { name: 'desk_requests', key: ['id'] },
  { name: 'alert_acks', key: ['key', 'desk'] },
  { name: 'exercise_clock', key: ['id'] },
  { name: 'injects', key: ['id'] },
];

/** Tables a fresh schema fills with defaults; the copy replaces those rows with the source's. */
const SCHEMA_DEFAULTS = new Set(['settings']);

const PAGE_ROWS = 1000;
// Parameters per INSERT, well under both engines' limits (SQLite 32766, PostgreSQL 65535).
const MAX_PARAMS = 5000;

export class CopyRefused extends Error {
  override name = 'CopyRefused';
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** True when the database holds an operation: its name in meta, or any journal entry. */
export function holdsOperation(db: Db): boolean {
  const meta = db.prepare("SELECT 1 AS x FROM meta WHERE key = 'operation'").get();
  const journal = db.prepare('SELECT 1 AS x FROM journal LIMIT 1').get();
  return meta !== undefined || journal !== undefined;
}

/**
 * Runs fn on one consistent, read-only view of the database while others keep writing:
 * a REPEATABLE READ transaction on PostgreSQL, a deferred read transaction on SQLite.
 */
export function readSnapshot<T>(db: Db, fn: () => T): T {
  if (db.dialect.name === 'postgres') {
    return db.transaction(() => {
      // Must be the transaction's first statement, before any read takes the snapshot.
      db.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return fn();
    })();
  }
  // Db.transaction is IMMEDIATE (a write lock) on SQLite; a read needs only BEGIN.
  db.exec('BEGIN');
  try {
    return fn();
  } finally {
    db.exec('COMMIT');
  }
}

/** Copies every table of `from` into the empty `to`; call it inside a transaction on `to`. */
export function copyOperation(from: Db, to: Db): Record<string, number> {
  checkShapes(from, to);
  for (const t of COPY_ORDER) {
    const present = to.prepare(`SELECT 1 AS x FROM ${ident(t.name)} LIMIT 1`).get() !== undefined;
    if (!present) continue;
    if (!SCHEMA_DEFAULTS.has(t.name))
      throw new CopyRefused(`${to.location} is not empty: table ${t.name} has rows.`);
    to.prepare(`DELETE FROM ${ident(t.name)}`).run();
  }
  const copied: Record<string, number> = {};
  for (const t of COPY_ORDER) copied[t.name] = copyTable(from, to, t);
  for (const sql of to.dialect.afterCopy) to.prepare(sql).get();
  return copied;
}

function checkShapes(from: Db, to: Db): void {
  if (from.schemaVersion() !== to.schemaVersion())
    throw new CopyRefused(
      `${from.location} is at schema version ${from.schemaVersion()} and ${to.location} at ${to.schemaVersion()}; ` +
        'a copy needs both at the same version.',
    );
  const known = COPY_ORDER.map((t) => t.name).sort();
  for (const db of [from, to]) {
    const tables = (db.prepare(db.dialect.listTables).all() as { name: string }[]).map((r) => r.name);
    // A table added by a later migration must be placed in COPY_ORDER, or it would be left behind.
    const unknown = tables.filter((n) => !known.includes(n));
    const missing = known.filter((n) => !tables.includes(n));
    if (unknown.length || missing.length)
      throw new CopyRefused(
        `${db.location} does not have the tables a copy expects` +
          (unknown.length ? `; unknown: ${unknown.join(', ')}` : '') +
          (missing.length ? `; missing: ${missing.join(', ')}` : ''),
      );
  }
}

function copyTable(from: Db, to: Db, t: CopiedTable): number {
  const keys = t.key.map(ident).join(', ');
  const first = from.prepare(`SELECT * FROM ${ident(t.name)} ORDER BY ${keys} LIMIT ?`);
  const next = from.prepare(
    `SELECT * FROM ${ident(t.name)} WHERE (${keys}) > (${t.key.map(() => '?').join(', ')}) ORDER BY ${keys} LIMIT ?`,
  );
  let last: unknown[] | null = null;
  let total = 0;
  for (;;) {
    const rows = (last ? next.all(...last, PAGE_ROWS) : first.all(PAGE_ROWS)) as Record<string, unknown>[];
    if (rows.length === 0) return total;
    insertRows(to, t.name, rows);
    total += rows.length;
    const tail = rows[rows.length - 1] as Record<string, unknown>;
    last = t.key.map((k) => tail[k]);
    if (rows.length < PAGE_ROWS) return total;
  }
}

function insertRows(to: Db, table: string, rows: Record<string, unknown>[]): void {
  const columns = Object.keys(rows[0] as Record<string, unknown>);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const perInsert = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) VALUES `;
  for (let i = 0; i < rows.length; i += perInsert) {
    const batch = rows.slice(i, i + perInsert);
    // One statement text per batch size: a full batch's is prepared once and reused.
    const insert = to.prepare(head + batch.map(() => tuple).join(', '));
    insert.run(...batch.flatMap((r) => columns.map((c) => r[c])));
  }
}
