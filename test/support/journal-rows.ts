// A database file's journal as (seq, hash) rows, read from its own read-only connection: what a
// backup or a restore must carry over exactly.
import Database from 'better-sqlite3';

export function journalRows(file: string): { seq: number; hash: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT seq, hash FROM journal ORDER BY seq').all() as { seq: number; hash: string }[];
  } finally {
    db.close();
  }
}
