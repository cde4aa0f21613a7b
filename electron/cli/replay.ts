// `vigie replay --db FILE|URL --at ISO`: the picture at that moment, rebuilt from the journal, as
// JSON on stdout. The file (a backup, say) is opened read-only as it is, never migrated or written;
// the picture is the host's, everything in it, as `vigie export` gives.
import { isRoomUrl, openDatabase } from '../store/db.js';
import { openSqliteForCheck } from '../store/sqlite.js';
import { offlineContext } from '../services/offline-context.js';
import { SYSTEM } from '../services/context.js';
import { replayAt, replayIndexOf } from '../services/replay.js';
import { ApiError } from '../../shared/errors.js';
import type { AppPaths } from '../app-root.js';
import type { Io } from './commands.js';
import { parse, requireDatabase, resolveDb, UsageError } from './args.js';

export function replay(argv: string[], _paths: AppPaths, io: Io): number {
  const { values } = parse(argv, { db: { type: 'string' }, at: { type: 'string' } });
  const at = values.at;
  if (at === undefined || Number.isNaN(Date.parse(at)) || !/^\d{4}-\d\d-\d\dT/.test(at))
    throw new UsageError('--at: an instant in ISO 8601, such as 2024-07-26T19:30:00+02:00');
  const file = resolveDb(values.db, process.env, { create: false });
  requireDatabase(file);
  const db = isRoomUrl(file) ? openDatabase(file, { readonly: true }) : openSqliteForCheck(file);
  try {
    const picture = replayAt(
      offlineContext(db),
      db,
      { operator: SYSTEM, lockedAt: null },
      { at, backup: null },
    );
    io.out(JSON.stringify(picture, null, 2));
    return 0;
  } catch (err) {
    if (err instanceof ApiError) throw new UsageError(err.message.replace(/^replayAt: at/, '--at'));
    throw err;
  } finally {
    replayIndexOf(db).close();
    db.close();
  }
}
