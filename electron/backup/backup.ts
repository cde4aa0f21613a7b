// Online backup with SQLite's backup API while the console keeps writing: the copy is written
// under a temporary name, switched to DELETE journal mode (one self-contained file), checked
// (integrity + journal chain), synced, and only then renamed to its final name. An existing file
// is never overwritten. Its journal head is written beside it (BACKUP.db.head, head-file.ts).
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from '../store/db.js';
import { openSqliteAsIs, sqliteHandle } from '../store/sqlite.js';
import { BackupError, summarize, type DbSummary } from './summary.js';
import { durableRename, fsyncFile } from './files.js';
import { headFileFor, writeHeadFile } from './head-file.js';

export interface BackupReport extends DbSummary {
  file: string;
  bytes: number;
  ms: number;
  /** The head file written beside the backup, or null (none asked for). */
  headFile: string | null;
}

/** Pages copied per step; between steps the event loop runs, so the app keeps answering. */
const STEP_PAGES = 1024;

export interface BackupOptions {
  /** Pages per step (tests use a few, to interleave with writers). */
  stepPages?: number;
}

export async function backupDatabase(db: Db, out: string, o: BackupOptions = {}): Promise<BackupReport> {
  const step = o.stepPages ?? STEP_PAGES;
  const started = Date.now();
  const { file, partial } = backupTarget(out);
  try {
    let lastRemaining = Infinity;
    await sqliteHandle(db).backup(partial, {
      // Writes from another connection restart the copy; after a restart, finish in one step
      // (one read transaction: in WAL mode the writers are not blocked meanwhile).
      progress: ({ totalPages, remainingPages }) => {
        const restarted = remainingPages >= lastRemaining;
        lastRemaining = remainingPages;
        return restarted ? Math.max(totalPages, 1) : step;
      },
    });
    return keepCheckedCopy(partial, file, started, { from: db.location });
  } finally {
    removePartial(partial);
  }
}

/** The backup's final path (refused if it exists) and the temporary name it is written under. */
export function backupTarget(out: string): { file: string; partial: string } {
  const file = resolve(out);
  if (existsSync(file)) throw new BackupError(`${file} already exists; a backup never overwrites a file.`);
  mkdirSync(dirname(file), { recursive: true });
  return { file, partial: `${file}.partial-${process.pid}` };
}

/** Our own temporary file only: the final name is either complete or absent. */
export function removePartial(partial: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true });
}

export interface KeepOptions {
  /** The head and counts that were read from the source, which the copy must hold. */
  expected?: Pick<DbSummary, 'head' | 'counts'>;
  /** The source's location: the copy's head is written beside it, naming it (omit for none). */
  from?: string;
}

/**
 * Checks the finished temporary copy (integrity, and the head and counts that were read when
 * `expected` is given), syncs it, gives it its final name and writes its head file.
 */
export function keepCheckedCopy(
  partial: string,
  file: string,
  started: number,
  o: KeepOptions = {},
): BackupReport {
  const { expected } = o;
  const summary = checkCopy(partial);
  if (summary.integrity !== 'ok') {
    throw new BackupError(
      `The copy failed SQLite's integrity check (${summary.integrity}); no backup was kept.`,
    );
  }
  if (expected && !sameFacts(summary, expected)) {
    throw new BackupError(
      `The copy does not hold what was read (journal head ${summary.head.seq} vs ${expected.head.seq}, ` +
        'or row counts differ); no backup was kept.',
    );
  }
  fsyncFile(partial);
  durableRename(partial, file);
  let headFile: string | null = null;
  if (o.from !== undefined) {
    headFile = headFileFor(file);
    writeHeadFile(headFile, { ...summary.head, at: new Date().toISOString(), location: o.from });
  }
  return { file, bytes: statSync(file).size, ms: Date.now() - started, headFile, ...summary };
}

/** Same journal head and same row count in every table (whatever order the tables were listed in). */
export function sameFacts(
  a: Pick<DbSummary, 'head' | 'counts'>,
  b: Pick<DbSummary, 'head' | 'counts'>,
): boolean {
  const keys = (c: Record<string, number>) => Object.keys(c).sort();
  return (
    a.head.seq === b.head.seq &&
    a.head.hash === b.head.hash &&
    JSON.stringify(keys(a.counts)) === JSON.stringify(keys(b.counts)) &&
    keys(a.counts).every((k) => a.counts[k] === b.counts[k])
  );
}

/** Opens the fresh copy alone, makes it a single file (DELETE journal mode) and summarizes it. */
function checkCopy(file: string): DbSummary {
  const copy = openSqliteAsIs(file);
  try {
    sqliteHandle(copy).pragma('journal_mode = DELETE');
    return summarize(copy);
  } finally {
    copy.close();
  }
}
