// `vigie backup --db FILE --out FILE`: an online backup (SQLite's backup API; the console may keep
// writing), checked and summarized as JSON; exit 1 if the copy's journal chain is broken. With a
// room URL as --db, the same report for a SQLite copy of the room (room-backup.ts).
// `vigie restore --db FILE --from BACKUP --yes`: puts a checked backup in place of the database,
// moving the current file aside (never deleting it). Without --yes it only says what it would do.
// A room is not restored in place (see restore below).
import { isRoomUrl, openDatabase } from '../store/db.js';
import { backupDatabase } from '../backup/backup.js';
import { backupRoom } from '../backup/room-backup.js';
import { restoreDatabase } from '../backup/restore.js';
import type { AppPaths } from '../app-root.js';
import type { Io } from './commands.js';
import { parse, resolveDb, UsageError, requireDatabase } from './args.js';

const json = (io: Io, value: unknown) => io.out(JSON.stringify(value, null, 2));

export async function backup(argv: string[], _paths: AppPaths, io: Io): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, out: { type: 'string' } });
  if (!values.out) throw new UsageError('--out: the backup file to write is required');
  const file = resolveDb(values.db);
  requireDatabase(file);
  const db = openDatabase(file, { mustExist: true });
  try {
    const report = isRoomUrl(file) ? backupRoom(db, values.out) : await backupDatabase(db, values.out);
    json(io, report);
    if (!report.ok)
      io.err(
        `vigie backup: the copy was written but its checks failed (journal chain broken at entry ${report.journal.firstBadSeq})`,
      );
    return report.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

export function restore(argv: string[], _paths: AppPaths, io: Io): number {
  const { values } = parse(argv, {
    db: { type: 'string' },
    from: { type: 'string' },
    yes: { type: 'boolean' },
  });
  const file = resolveDb(values.db);
  // Desks write to a room all the time, and a room's backup is a SQLite file: restoring is a move
  // into a fresh database, which the import checks and makes all or nothing.
  if (isRoomUrl(file))
    throw new UsageError(
      'a room database is not restored in place. Create an empty PostgreSQL database and run ' +
        '`vigie room import --from BACKUP.db --to postgres://...` into it, then point the desks at it.',
    );
  if (!values.from) throw new UsageError('--from: the backup file to restore is required');
  if (!values.yes) {
    throw new UsageError(
      `restoring replaces ${file} with ${values.from}; the current file is moved aside, not deleted. Add --yes to do it.`,
    );
  }
  json(io, restoreDatabase({ db: file, from: values.from }));
  return 0;
}
