// Console settings: read by anyone, changed by a signed-in operator, journaled with from/to.
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import type { Settings, SettingsValues } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { readSettings, writeSettings } from '../store/settings.js';

export const getSettings = (ctx: Ctx): Settings => readSettings(ctx.db);

export function updateSettings(
  ctx: Ctx,
  desk: Desk,
  input: Partial<SettingsValues> & { version: number },
): Settings {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const { version, ...wanted } = input;
    const before = readSettings(ctx.db);
    if (before.version !== version) {
      throw new ApiError({
        code: 'conflict',
        message: `Settings were changed by another desk (version ${before.version}, yours ${version}); reload and retry.`,
        current: before,
      });
    }
    const changes: Partial<SettingsValues> = {};
    const journaled: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(wanted) as (keyof SettingsValues)[]) {
      const to = wanted[key];
      // Compared by value: thresholds are objects.
      if (to === undefined || JSON.stringify(to) === JSON.stringify(before[key])) continue;
      Object.assign(changes, { [key]: to });
      journaled[key] = { from: before[key], to };
    }
    // Nothing different: no write, no journal entry, the version stays.
    if (!Object.keys(changes).length) return before;
    writeSettings(ctx.db, changes, before.version + 1);
    journal(ctx, who, {
      action: 'settings.updated',
      entityType: 'settings',
      entityId: null,
      data: journaled,
    });
    return readSettings(ctx.db);
  })();
}
