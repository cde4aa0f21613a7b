// The file steps of restoring a backup under the running app (services/live-vigie.ts does the
// closing and reopening): a safety copy of the live data first, then, once the app has closed its
// connection, the backup renamed over the database file in one atomic step.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/db.js';
import { integrity, journalHead, vacuumInto, type JournalHead } from '../store/backup.js';
import { openSqliteAsIs, sqliteHandle } from '../store/sqlite.js';
import { BackupError } from './summary.js';
import { durableRename, fsyncFile } from './files.js';
import { safetyBackupName } from './listing.js';
import { copyInPlace, moveAside, refuseIfOpen } from './restore.js';
import { headFileFor, writeHeadFile } from './head-file.js';

/**
 * Copies the live database into the backup folder and returns the copy's name. Synchronous (VACUUM
 * INTO), so no write can land between this copy and the swap. The copy keeps whatever the data is,
 * even a broken journal chain: it is the way back, not a checked backup; only a copy SQLite itself
 * finds damaged is refused.
 */
export function takeSafetyBackup(db: Db, dir: string, now: Date): string {
  let n = 0;
  let name = safetyBackupName(now);
  while (existsSync(join(dir, name))) name = safetyBackupName(now, ++n);
  const file = join(dir, name);
  const partial = `${file}.partial-${process.pid}`;
  try {
    vacuumInto(sqliteHandle(db), partial);
    const copy = openSqliteAsIs(partial);
    let check: string;
    let head: JournalHead;
    try {
      check = integrity(copy);
      head = journalHead(copy);
    } finally {
      copy.close();
    }
    if (check !== 'ok') throw new BackupError(`The safety copy failed SQLite's integrity check (${check}).`);
    fsyncFile(partial);
    durableRename(partial, file);
    writeHeadFile(headFileFor(file), { ...head, at: now.toISOString(), location: db.location });
    return name;
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Puts a checked backup in place of a database file nobody has open. Leftover -wal/-shm files
 * (from an unclean close) would be replayed into the new file, so they are moved aside, not deleted;
 * so is the head file, which names the replaced journal's head (the reopened app writes a new one).
 */
export function replaceClosedDatabase(dbFile: string, from: string, now: Date): void {
  refuseIfOpen(dbFile);
  const leftovers = ['-wal', '-shm', '.head'].filter((s) => existsSync(dbFile + s));
  if (leftovers.length) moveAside(dbFile, leftovers, now);
  copyInPlace(from, dbFile);
}
