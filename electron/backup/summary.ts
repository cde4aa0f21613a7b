// What a backup or a restore proves about a file: SQLite's integrity check, the journal chain,
// the journal's head and every table's row count. Two files with equal summaries hold the same data.
import type { Db } from '../store/db.js';
import { schemaVersion } from '../store/db.js';
import { openSqliteAsIs } from '../store/sqlite.js';
import { integrity, journalHead, tableCounts, type JournalHead } from '../store/backup.js';
import { verifyChain, type ChainResult } from '../store/journal.js';

export interface DbSummary {
  ok: boolean;
  schemaVersion: number;
  integrity: string;
  journal: ChainResult;
  head: JournalHead;
  counts: Record<string, number>;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

export function summarize(db: Db): DbSummary {
  const check = integrity(db);
  const journal = verifyChain(db);
  return {
    ok: check === 'ok' && journal.ok,
    schemaVersion: schemaVersion(db),
    integrity: check,
    journal,
    head: journalHead(db),
    counts: tableCounts(db),
  };
}

/** Summarizes a file without migrating or otherwise changing it (read-only connection). */
export function summarizeFile(file: string): DbSummary {
  let db: Db;
  try {
    db = openSqliteAsIs(file, { readonly: true });
  } catch (err) {
    throw new BackupError(`Cannot open ${file}: ${(err as Error).message}`);
  }
  try {
    return summarize(db);
  } catch (err) {
    throw new BackupError(`${file} is not a readable Vigie database: ${(err as Error).message}`);
  } finally {
    db.close();
  }
}
