// After-images: each journal entry carries the rows its change wrote, as they were after it, so
// that `vigie verify` can replay the journal and compare it with the tables (a row edited without
// a journal entry is then found), and a desk or a replay can rebuild the picture from entries alone.
//
// The store's write functions call touch() with the row's key (or touchRow() with the row an
// INSERT … RETURNING gave); appendEntry() reads the others back and records them. A transaction that touches rows and commits without an entry after them is
// refused (db-types.ts TouchLog), so a change can never skip the journal unnoticed.
import { createHash } from 'node:crypto';
import type { Db, Touch } from './db-types.js';

/** The tables the journal accounts for, each with its primary key. */
export const JOURNALED_TABLES: Readonly<Record<string, readonly string[]>> = {
  meta: ['key'],
  operators: ['id'],
  accounts: ['id'],
  contingents: ['id'],
  venues: ['id'],
  zones: ['id'],
  routes: ['id'],
  route_bridges: ['route_id', 'ord'],
  units: ['id'],
  unit_positions: ['id'],
  incidents: ['id'],
  assignments: ['id'],
  incident_notes: ['id'],
  settings: ['key'],
  handovers: ['id'],
  parade_plans: ['route_id'],
  parade_actuals: ['id'],
  alert_level: ['id'],
  bulletins: ['id'],
  bulletin_acks: ['bulletin_id', 'desk'],
  desk_requests: ['id'],
  alert_acks: ['key', 'desk'],
  exercise_clock: ['id'],
  injects: ['id'],
};

// Kept as a digest: a passphrase hash has no place in a journal that desks read, and a stored
// report is large and already fixed by its own content hash.
export const DIGESTED: Readonly<Record<string, readonly string[]>> = {
  accounts: ['pass_hash'],
  handovers: ['model'],
};

export type RowImage = Record<string, unknown>;
/** [table, key values, the row after the change or null when it was deleted]. */
export type AfterImage = [string, unknown[], RowImage | null];

export const BASELINE_ACTION = 'journal.baseline';

/** Records that the open transaction wrote this row; call it from the store's write functions. */
export function touch(db: Db, table: string, ...key: unknown[]): void {
  if (!JOURNALED_TABLES[table]) throw new Error(`store: ${table} is not a journaled table`);
  db.touched.add(table, key);
}

/**
 * Records a row written, as the write returned it (INSERT … RETURNING *): the journal takes it as
 * the after-image instead of reading it back, unless a later write touches the row again.
 */
export function touchRow(db: Db, table: string, row: Record<string, unknown>): void {
  if (!JOURNALED_TABLES[table]) throw new Error(`store: ${table} is not a journaled table`);
  db.touched.add(table, keyOf(table, row), row);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A row as the journal records it: plain values, digested columns as `sha256:…`. */
export function imageOf(table: string, row: Record<string, unknown>): RowImage {
  const digested = DIGESTED[table];
  // Most tables keep every column as it is: the row read back is its own image, not copied.
  if (!digested) return row;
  const image: RowImage = {};
  for (const [column, value] of Object.entries(row)) {
    image[column] =
      digested.includes(column) && typeof value === 'string' ? `sha256:${sha256(value)}` : value;
  }
  return image;
}

const IN_CHUNK = 500;

/**
 * The touched rows (deduplicated, in first-touch order) as after-images: each as its last write
 * returned it if that write gave it, else read back.
 */
export function readAfterImages(db: Db, touches: readonly Touch[]): AfterImage[] {
  const order: string[] = [];
  const byId = new Map<string, [string, unknown[]]>();
  const found = new Map<string, RowImage>();
  for (const [table, key, row] of touches) {
    const id = rowId(table, key);
    if (!byId.has(id)) {
      byId.set(id, [table, key]);
      order.push(id);
    }
    if (row) found.set(id, imageOf(table, row));
    else found.delete(id);
  }
  const byTable = new Map<string, unknown[][]>();
  for (const [id, [table, key]] of byId) {
    if (found.has(id)) continue;
    const keys = byTable.get(table) ?? [];
    keys.push(key);
    byTable.set(table, keys);
  }
  for (const [table, keys] of byTable) {
    for (const row of readRows(db, table, keys)) {
      const key = keyOf(table, row);
      found.set(rowId(table, key), imageOf(table, row));
    }
  }
  return order.map((id) => {
    const [table, key] = byId.get(id) as [string, unknown[]];
    return [table, key, found.get(id) ?? null];
  });
}

function readRows(db: Db, table: string, keys: unknown[][]): Record<string, unknown>[] {
  const columns = JOURNALED_TABLES[table] as readonly string[];
  const rows: Record<string, unknown>[] = [];
  if (columns.length === 1) {
    for (let i = 0; i < keys.length; i += IN_CHUNK) {
      const chunk = keys.slice(i, i + IN_CHUNK).map((k) => k[0]);
      const marks = chunk.map(() => '?').join(', ');
      rows.push(
        ...(db.prepare(`SELECT * FROM ${table} WHERE ${columns[0]} IN (${marks})`).all(...chunk) as Record<
          string,
          unknown
        >[]),
      );
    }
    return rows;
  }
  const where = columns.map((c) => `${c} = ?`).join(' AND ');
  const one = db.prepare(`SELECT * FROM ${table} WHERE ${where}`);
  for (const k of keys) {
    const row = one.get(...k) as Record<string, unknown> | undefined;
    if (row) rows.push(row);
  }
  return rows;
}

export const keyOf = (table: string, row: Record<string, unknown>): unknown[] =>
  (JOURNALED_TABLES[table] ?? []).map((c) => row[c]);

/** One string per row, whatever the engine's number types: the key's values as JSON. */
export const rowId = (table: string, key: readonly unknown[]): string =>
  `${table}\u0000${JSON.stringify(key.map((v) => (typeof v === 'bigint' ? Number(v) : v)))}`;

/** The images of every journaled row: what a baseline entry records for an older journal. */
export function allImages(db: Db): AfterImage[] {
  const out: AfterImage[] = [];
  for (const table of Object.keys(JOURNALED_TABLES)) {
    for (const row of db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[])
      out.push([table, keyOf(table, row), imageOf(table, row)]);
  }
  return out;
}
