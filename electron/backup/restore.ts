// Restores a backup over the database file, after the caller's confirmation: the backup is checked
// first (integrity, journal chain, not from a newer Vigie); the file must not be open in another
// Vigie; the current file (and its -wal/-shm) is moved aside, never deleted; the backup is copied
// in under a temporary name, synced, renamed, opened (migrated if older) and summarized. The daily
// incident reference counters never go back: a reference issued before the restore stays issued.
// The steps are exported for the running app's in-place restore (live-restore.ts).
import { copyFileSync, constants, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase, type Db } from '../store/db.js';
import { openSqliteAsIs, sqliteHandle } from '../store/sqlite.js';
import { inUseByAnother } from '../store/backup.js';
import { incidentSequences, raiseIncidentSequences } from '../store/incidents.js';
import { LATEST_VERSION } from '../store/migrations/index.js';
import { BackupError, summarize, summarizeFile, type DbSummary } from './summary.js';
import { durableRename, fileStamp, fsyncFile } from './files.js';
import { headFileFor, writeHeadFile } from './head-file.js';

export interface RestoreReport extends DbSummary {
  db: string;
  from: string;
  /** Days whose reference counter was raised to what the replaced database had issued. */
  referencesKept: Record<string, number>;
  /** Where the replaced database went (its -wal/-shm beside it), or null if there was none. */
  movedAside: string | null;
}

export interface RestoreOptions {
  db: string;
  from: string;
  now?: Date;
}

// The head file names the replaced journal's head: it goes aside with it, and the restored
// journal's head is written in its place.
const SIDE_FILES = ['', '-wal', '-shm', '.head'];

export function restoreDatabase(o: RestoreOptions): RestoreReport {
  const db = resolve(o.db);
  const from = resolve(o.from);
  if (from === db) throw new BackupError('--from is the database itself.');
  checkBackup(from);
  refuseIfOpen(db);
  const issued = existsSync(db) ? issuedReferences(db) : {};
  const aside = existsSync(db) ? moveAside(db, SIDE_FILES, o.now ?? new Date()) : null;
  copyInPlace(from, db);
  const restored = openDatabase(db, { mustExist: true });
  try {
    const referencesKept = restored.transaction(() => raiseIncidentSequences(restored, issued))();
    const summary = summarize(restored);
    writeHeadFile(headFileFor(db), { ...summary.head, at: new Date().toISOString(), location: db });
    return { db, from, movedAside: aside, referencesKept, ...summary };
  } finally {
    restored.close();
  }
}

/** The replaced database's counters, if it can still be read (a damaged one gives none). */
function issuedReferences(file: string): Record<string, number> {
  try {
    const current = openSqliteAsIs(file, { readonly: true });
    try {
      return incidentSequences(current);
    } finally {
      current.close();
    }
  } catch {
    return {};
  }
}

/** Refuses a backup that is missing, fails its checks or comes from a newer Vigie; else its summary. */
export function checkBackup(from: string): DbSummary {
  if (!existsSync(from)) throw new BackupError(`No backup at ${from}.`);
  const backup = summarizeFile(from);
  if (backup.schemaVersion > LATEST_VERSION) {
    throw new BackupError(
      `${from} has schema version ${backup.schemaVersion}, newer than this Vigie understands (${LATEST_VERSION}); nothing was changed.`,
    );
  }
  if (!backup.ok) {
    const why =
      backup.integrity !== 'ok'
        ? backup.integrity
        : `journal chain broken at entry ${backup.journal.firstBadSeq}`;
    throw new BackupError(`${from} fails its checks (${why}); nothing was changed.`);
  }
  return backup;
}

/** Moves the database's files with these suffixes aside (db.before-restore-STAMP...); returns that name. */
export function moveAside(db: string, suffixes: readonly string[], now: Date): string {
  const aside = `${db}.before-restore-${fileStamp(now)}`;
  if (suffixes.some((s) => existsSync(aside + s)))
    throw new BackupError(`${aside} already exists; retry in a second.`);
  for (const s of suffixes) if (existsSync(db + s)) durableRename(db + s, aside + s);
  return aside;
}

/** Copies the backup in under a temporary name, syncs it, then renames it over the database (atomic). */
export function copyInPlace(from: string, db: string): void {
  const incoming = `${db}.restoring-${process.pid}`;
  try {
    copyFileSync(from, incoming, constants.COPYFILE_EXCL);
    fsyncFile(incoming);
    durableRename(incoming, db);
  } finally {
    rmSync(incoming, { force: true });
  }
}

/** Refuses while another process has the file open: moving it aside under a running Vigie loses writes. */
export function refuseIfOpen(file: string): void {
  if (!existsSync(file)) return;
  let probe: Db;
  try {
    probe = openSqliteAsIs(file, { timeoutMs: 0 });
  } catch {
    return; // unreadable: nothing can be using it as a database either
  }
  try {
    if (inUseByAnother(sqliteHandle(probe))) {
      throw new BackupError(`${file} is open in another Vigie (or a vigie command); close it, then restore.`);
    }
  } finally {
    probe.close();
  }
}
