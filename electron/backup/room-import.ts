// `vigie room import`: a desk's operation, from its SQLite file, into an empty room database. The
// file is read as it is (never migrated or otherwise written: it is the record of what the desk
// did) and must prove itself first: integrity, an unbroken journal chain, the current schema. The
// copy is one transaction on the room, checked before it commits: the room's chain verifies and
// its head and row counts are the file's. Either the whole operation arrives or nothing does.
import { existsSync } from 'node:fs';
import { openDatabase, type Db } from '../store/db.js';
import { openSqliteAsIs } from '../store/sqlite.js';
import { LATEST_VERSION } from '../store/migrations/index.js';
import { copyOperation, CopyRefused, holdsOperation, readSnapshot } from '../store/copy.js';
import { journalHead, tableCounts, type JournalHead } from '../store/backup.js';
import { verifyChain } from '../store/journal.js';
import { BackupError, summarize, type DbSummary } from './summary.js';
import { sameFacts } from './backup.js';

export interface ImportReport {
  from: string;
  /** The room's URL without its password. */
  to: string;
  head: JournalHead;
  counts: Record<string, number>;
}

export function importIntoRoom(fromFile: string, toUrl: string): ImportReport {
  if (!existsSync(fromFile)) throw new CopyRefused(`--from: no database at ${fromFile}`);
  let source: Db;
  try {
    source = openSqliteAsIs(fromFile, { readonly: true });
  } catch (err) {
    throw new CopyRefused(`Cannot open ${fromFile}: ${(err as Error).message}`);
  }
  try {
    // One snapshot of the file for the checks and the copy, should a desk still have it open.
    return readSnapshot(source, () => {
      const summary = checkSource(source, fromFile);
      const room = openDatabase(toUrl);
      try {
        room.transaction(() => {
          // Queues behind (or holds off) any other writer of the room, a second import included.
          room.lockJournal();
          if (holdsOperation(room))
            throw new CopyRefused(
              `${room.location} already holds an operation; import only into an empty room database.`,
            );
          copyOperation(source, room);
          checkArrival(room, summary);
          if (summary.head.seq > 0) room.appended(summary.head.seq);
        })();
        return { from: fromFile, to: room.location, head: summary.head, counts: summary.counts };
      } finally {
        room.close();
      }
    });
  } finally {
    source.close();
  }
}

function checkSource(source: Db, file: string): DbSummary {
  let s: DbSummary;
  try {
    // An older file is refused rather than migrated here: migrating the desk's file behind its back
    // would change the evidence being moved, and migrating a hidden copy would import something no
    // one has checked. Opening the file once with this Vigie migrates it in the open.
    const version = source.schemaVersion();
    if (version !== LATEST_VERSION)
      throw new CopyRefused(
        `${file} is at schema version ${version}, this Vigie's is ${LATEST_VERSION}. ` +
          `Migrate it first (\`vigie verify --db ${file}\` does, or do it on a copy), then import.`,
      );
    s = summarize(source);
  } catch (err) {
    if (err instanceof CopyRefused) throw err;
    throw new CopyRefused(`${file} is not a readable Vigie database: ${(err as Error).message}`);
  }
  if (s.integrity !== 'ok')
    throw new CopyRefused(`${file} failed SQLite's integrity check (${s.integrity}); nothing was imported.`);
  if (!s.journal.ok)
    throw new CopyRefused(
      `${file}'s journal chain is broken at entry ${s.journal.firstBadSeq} (${s.journal.reason}); nothing was imported.`,
    );
  if (s.head.seq === 0) throw new CopyRefused(`${file} holds no operation (its journal is empty).`);
  return s;
}

/** Throws (rolling the import back) unless the room now holds exactly what the file holds. */
function checkArrival(room: Db, source: DbSummary): void {
  const chain = verifyChain(room);
  const arrived = { head: journalHead(room), counts: tableCounts(room) };
  if (!chain.ok || !sameFacts(arrived, source))
    throw new BackupError(
      `The copy in ${room.location} did not check out (chain ${chain.ok ? 'ok' : `broken at ${chain.firstBadSeq}`}, ` +
        `head ${arrived.head.seq} vs ${source.head.seq}); it was rolled back.`,
    );
}
