// Read-only facts a backup or a restore reports, so that two files can be compared: the journal's
// head and the row count of every table.
import type { Db } from './db.js';
import type { SqliteHandle } from './sqlite.js';

export interface JournalHead {
  seq: number;
  hash: string | null;
}

export function journalHead(db: Db): JournalHead {
  const row = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: null };
}

/** Rows per ordinary table (the engine's own and the full-text index's tables left out). */
export function tableCounts(db: Db): Record<string, number> {
  const tables = (db.prepare(db.dialect.listTables).all() as { name: string }[]).map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const name of tables) {
    const row = db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as {
      n: number;
    };
    counts[name] = row.n;
  }
  return counts;
}

export function integrity(db: Db): string {
  return db.integrityCheck();
}

/** True when another connection (another Vigie, a CLI command) has the file open. */
export function inUseByAnother(db: SqliteHandle): boolean {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
  }
}

/** A consistent, self-contained copy of the database in one synchronous statement (rollback-journal mode). */
export function vacuumInto(db: SqliteHandle, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}
