// Start-up of a writing process (desktop app, `vigie serve`): the schema checked against what the
// migrations make before anything runs on it. Missing or altered triggers are put back, with an
// alarm on stderr and one journal entry naming them; missing tables or columns, or a trigger Vigie
// did not make, refuse the start (nothing is written). All well: nothing is written either.
import type { SchemaReport } from '../../shared/domain.js';
import type { Db } from '../store/db.js';
import { StoreError } from '../store/errors.js';
import { checkSchema, onlyTriggersWrong, restoreTriggers } from '../store/schema-check.js';
import { journal, SYSTEM, type Ctx } from './context.js';

export const TRIGGERS_RESTORED = 'store.triggers_restored';

/** Throws when the schema cannot be trusted; else the report, for restoreSchema once the clock runs. */
export function refuseUntrustedSchema(db: Db): SchemaReport {
  const report = checkSchema(db);
  if (!onlyTriggersWrong(report))
    throw new StoreError(
      'corrupt',
      `${db.location}: its schema is not the one Vigie made (${report.problems.join('; ')}), so Vigie will ` +
        'not run on it. Check it with `vigie verify` and restore a backup; it was left untouched.',
    );
  return report;
}

/** Puts back what `report` found missing or altered, journaled in the same transaction. */
export function restoreSchema(ctx: Ctx, report: SchemaReport, alarm: (message: string) => void): string[] {
  if (report.ok) return [];
  const fixed = ctx.db.transaction(() => {
    const found = restoreTriggers(ctx.db);
    // Another room server may have put them back while this one waited for the lock.
    if (found.ok) return null;
    const { missingTriggers, alteredTriggers, missingFunctions, alteredFunctions, problems } = found;
    journal(ctx, SYSTEM, {
      action: TRIGGERS_RESTORED,
      entityType: 'database',
      entityId: null,
      data: { problems, missingTriggers, alteredTriggers, missingFunctions, alteredFunctions },
    });
    return found;
  })();
  if (fixed)
    alarm(
      `Vigie ALARM: ${ctx.db.location}: ${fixed.problems.join('; ')}. Restored from the migrations and ` +
        `journaled (${TRIGGERS_RESTORED}). Records could be rewritten while they were missing: the journal ` +
        'chain shows whether they were (`vigie verify`).',
    );
  return fixed?.problems ?? [];
}
