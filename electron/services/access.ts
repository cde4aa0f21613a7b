// Who may make which call, enforced before any handler runs on every transport (IPC, browser host,
// a desktop's room link): the table in shared/permissions.ts, then the finer rules a liaison
// carries (their own contingent's units, the incidents those units work). Refusals of a signed-in
// operator are journaled: permission use is a security event (CJIS 5.4.1.1).
import type { CallName } from '../../shared/api.js';
import type { Operator } from '../../shared/domain.js';
import { PERMISSIONS, refusal } from '../../shared/permissions.js';
import { ApiError } from '../../shared/errors.js';
import type { Ctx } from './context.js';
import { journal } from './context.js';
import type { Desk } from './desk.js';
import type { Handler, Handlers } from './dispatch.js';
import { activeAssignmentsForIncident } from '../store/assignments.js';
import { getUnit } from '../store/units.js';
import { accountStanding } from '../store/accounts.js';

/** The handlers, each behind the permission check of its call. */
export function guardHandlers(ctx: Ctx, handlers: Handlers): Handlers {
  const guarded: Partial<Record<CallName, Handler<CallName>>> = {};
  for (const call of Object.keys(handlers) as CallName[]) {
    const handler = handlers[call] as Handler<CallName>;
    guarded[call] = (input, desk) => {
      checkAccess(ctx, call, desk);
      const out = handler(input, desk);
      return desk.operator?.role === 'wall' ? withoutOperators(out) : out;
    };
  }
  return guarded as Handlers;
}

/** Operators' names in what a call answers (journal entries, notes), replaced for the wall screen. */
export const NOT_FOR_WALL = '—';
/** The fields that name a person: who wrote, published, set, sent or answered. */
const PERSON_FIELDS = new Set(['operator', 'publishedBy', 'setBy', 'fromOperator', 'answeredBy']);
function withoutOperators<T>(out: T): T {
  if (Array.isArray(out)) return out.map(withoutOperators) as T;
  if (out === null || typeof out !== 'object') return out;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(out))
    copy[k] = PERSON_FIELDS.has(k) && typeof v === 'string' ? NOT_FOR_WALL : withoutOperators(v);
  return copy as T;
}

export function checkAccess(ctx: Ctx, call: CallName, desk: Desk): void {
  if (PERMISSIONS[call] === 'public') return;
  const who = desk.operator;
  if (!who)
    throw new ApiError({
      code: 'unauthorized',
      message: `Sign in first: ${call} needs a signed-in operator.`,
    });
  // A supervisor's change takes effect at once, not at the operator's next sign-in (signing out
  // always works).
  if (who.accountId && call !== 'signOut') {
    const account = accountStanding(ctx.db, who.accountId);
    if (!account || account.disabled || account.role !== who.role)
      throw new ApiError({
        code: 'unauthorized',
        message: `Sign in again: a supervisor has ${account?.disabled === false ? 'changed the role of' : 'disabled'} this account.`,
      });
  }
  const why = refusal(call, who.role);
  if (why) refuse(ctx, who, call, why);
}

/** Journals the refusal (best effort: a read-only copy cannot) and throws the 403. */
export function refuse(ctx: Ctx, who: Operator, call: string, why: string): never {
  try {
    ctx.db.transaction(() =>
      journal(ctx, who, {
        action: 'operator.permission_refused',
        entityType: 'call',
        entityId: call,
        data: { call, reason: why },
      }),
    )();
  } catch (err) {
    console.error(`[vigie] could not journal a refused ${call}:`, err);
  }
  throw new ApiError({ code: 'forbidden', message: `Not permitted: ${why}.` });
}

/** A liaison changes only their own contingent's units. Call before writing. */
export function checkUnitOwner(ctx: Ctx, who: Operator, call: string, unitId: string): void {
  if (who.role !== 'liaison') return;
  const unit = getUnit(ctx.db, unitId);
  if (unit && unit.contingentId !== who.contingentId)
    refuse(
      ctx,
      who,
      call,
      `a liaison changes only the units of their own contingent (${unit.callsign} is not)`,
    );
}

/** A liaison adds notes only to incidents their contingent's units are working. */
export function checkIncidentWorked(ctx: Ctx, who: Operator, call: string, incidentId: string): void {
  if (who.role !== 'liaison') return;
  const worked = activeAssignmentsForIncident(ctx.db, incidentId).some(
    (a) => getUnit(ctx.db, a.unitId)?.contingentId === who.contingentId,
  );
  if (!worked)
    refuse(ctx, who, call, 'a liaison adds notes only to incidents their contingent’s units are working');
}
