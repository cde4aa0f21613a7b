// Restoring a listed backup under the running app, after the officer's confirmation: the backup is
// checked (integrity, journal chain, schema) before anything is touched, a safety backup of the
// current data is taken, the database is swapped (closed, replaced atomically, reopened), and the
// restore is journaled in the restored database under the officer who asked for it. Incident
// references already issued stay issued: the daily counters never go back, so INC-0726-0042 named on
// the radio before the restore cannot later name another incident.
import { join } from 'node:path';
import type { RestoreResult } from '../../shared/api/backups.js';
import { iso } from '../../shared/clock.js';
import type { Operator } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { replaceClosedDatabase, takeSafetyBackup } from '../backup/live-restore.js';
import { checkBackup } from '../backup/restore.js';
import { BackupError, type DbSummary } from '../backup/summary.js';
import { journalHead, tableCounts } from '../store/backup.js';
import { incidentSequences, raiseIncidentSequences } from '../store/incidents.js';
import { getOperator, insertOperator } from '../store/operators.js';
import { getAccount } from '../store/accounts.js';
import { signedInAt } from '../store/shifts.js';
import { journal } from './context.js';
import type { VigieApp } from './app.js';
import type { Swappable } from './live-vigie.js';

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function restoreLive(live: Swappable, file: string, who: Operator): RestoreResult {
  const from = join(live.backupDir, file);
  let backup: DbSummary;
  try {
    backup = checkBackup(from);
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    throw new ApiError({
      code: 'invalid_input',
      message: `restoreBackup: file: ${err.message}`,
      issues: [{ path: 'file', message: err.message }],
    });
  }
  if (live.busy()) {
    throw new ApiError({
      code: 'conflict',
      message: 'A rolling backup is being written right now; nothing was replaced. Retry in a few seconds.',
    });
  }

  const before = live.current();
  const replaced = journalHead(before.db);
  const operatorSince = signedInAt(before.db, who.id);
  const issued = incidentSequences(before.db);
  let safety: string;
  try {
    safety = takeSafetyBackup(before.db, live.backupDir, live.now());
  } catch (err) {
    throw new ApiError({
      code: 'internal',
      message: `The safety backup of the current data failed (${why(err)}); nothing was replaced.`,
    });
  }

  let app: VigieApp;
  try {
    app = live.swap(
      () => replaceClosedDatabase(live.dbFile, from, live.now()),
      () => replaceClosedDatabase(live.dbFile, join(live.backupDir, safety), live.now()),
    );
  } catch (err) {
    throw new ApiError({
      code: err instanceof BackupError ? 'conflict' : 'internal',
      message: `The restore of ${file} failed (${why(err)}); the data in use is as it was (safety backup ${safety}).`,
    });
  }

  const { ctx } = app;
  const entry = ctx.db.transaction(() => {
    // The officer stays signed in at this desk: the restored data learns who is on watch.
    const since = operatorSince ?? iso(ctx.clock.now());
    // A backup older than the operator's account keeps the sign-in, unlinked.
    const linked =
      who.accountId && getAccount(ctx.db, who.accountId) ? who : { ...who, accountId: undefined };
    if (!getOperator(ctx.db, who.id)) insertOperator(ctx.db, linked, since);
    const referencesKept = raiseIncidentSequences(ctx.db, issued);
    return journal(ctx, who, {
      action: 'backup.restored',
      entityType: 'database',
      entityId: file,
      data: {
        backup: file,
        backupJournal: backup.head,
        safetyBackup: safety,
        replacedJournal: replaced,
        operatorSignedInAt: since,
        referencesKept,
      },
    });
  })();
  const counts = tableCounts(ctx.db);
  return {
    restored: file,
    safetyBackup: safety,
    journalSeq: entry.seq,
    incidents: counts.incidents ?? 0,
    units: counts.units ?? 0,
  };
}
