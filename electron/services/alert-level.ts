// The operation's national alert level. Every desk reads it; a supervisor changes it with a reason
// (optimistic on version, journaled). Until anyone sets one, the operation reads the first level
// of its country's scale at version 0.
import type { z } from 'zod';
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import type { setAlertLevelInput } from '../../shared/api/bulletins.js';
import { ALERT_SCALES, isAlertLevel, type AlertLevel, type AlertScale } from '../../shared/awareness.js';
import { iso } from '../../shared/clock.js';
import type { Operator } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { getAlertLevelRow, insertAlertLevel, updateAlertLevel } from '../store/alert-level.js';
import { hostCountry } from '../store/meta.js';
import type { Db } from '../store/db.js';

/** The national scale of the host country: NTAS for the US, Vigipirate for France and the rest. */
export const defaultScale = (country: string): AlertScale => (country === 'US' ? 'ntas' : 'vigipirate');

export const getAlertLevel = (ctx: Ctx): AlertLevel => alertLevelOf(ctx.db);

/** The level row, or the operation's default at version 0 when none was ever set. */
export function alertLevelOf(db: Db): AlertLevel {
  const row = getAlertLevelRow(db);
  if (row) return row;
  const scale = defaultScale(hostCountry(db));
  return {
    scale,
    level: ALERT_SCALES[scale][0],
    reason: '',
    setAt: null,
    setBy: null,
    setDesk: null,
    version: 0,
  };
}

const invalid = (field: string, message: string) =>
  new ApiError({
    code: 'invalid_input',
    message: `${field}: ${message}`,
    issues: [{ path: field, message }],
  });

const conflict = (current: AlertLevel, yours: number) =>
  new ApiError({
    code: 'conflict',
    message: `The alert level was changed by another desk (version ${current.version}, yours ${yours}); review it and retry.`,
    current,
  });

/** Writes the level (first row or an update) and its journal entry; call inside a transaction. */
function writeLevel(
  ctx: Ctx,
  who: Operator,
  before: AlertLevel,
  to: Omit<AlertLevel, 'version'>,
): AlertLevel {
  const ok =
    before.version === 0 ? insertAlertLevel(ctx.db, to) : updateAlertLevel(ctx.db, before.version, to);
  if (!ok) throw conflict(getAlertLevel(ctx), before.version);
  const after = getAlertLevel(ctx);
  journal(ctx, who, {
    action: 'alert_level.changed',
    entityType: 'alert_level',
    entityId: '1',
    data: {
      from: { scale: before.scale, level: before.level },
      to: { scale: after.scale, level: after.level },
      reason: after.reason,
      version: after.version,
    },
  });
  return after;
}

export function setAlertLevel(ctx: Ctx, desk: Desk, input: z.output<typeof setAlertLevelInput>): AlertLevel {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const before = getAlertLevel(ctx);
    const scale = (input.scale as AlertScale | undefined) ?? before.scale;
    if (!isAlertLevel(scale, input.level))
      throw invalid(
        'level',
        `"${input.level}" is not a level of the ${scale} scale (${ALERT_SCALES[scale].join(', ')})`,
      );
    if (before.version !== input.version) throw conflict(before, input.version);
    if (scale === before.scale && input.level === before.level)
      throw invalid('level', `the level is already ${before.level}; nothing to change`);
    return writeLevel(ctx, who, before, {
      scale,
      level: input.level,
      reason: input.reason,
      setAt: iso(ctx.clock.now()),
      setBy: who.name,
      setDesk: who.desk,
    });
  })();
}

/** The level a scenario starts with; call inside the seed's transaction. */
export function seedAlertLevel(
  ctx: Ctx,
  who: Operator,
  l: { scale: AlertScale; level: string; reason: string },
): AlertLevel {
  const before = getAlertLevel(ctx);
  return writeLevel(ctx, who, before, {
    ...l,
    setAt: iso(ctx.clock.now()),
    setBy: who.name,
    setDesk: who.desk,
  });
}
