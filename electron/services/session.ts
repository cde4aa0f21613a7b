// The desk's session: which operation this database holds, its clock, and who is signed in.
import type { Ctx } from './context.js';
import { journal } from './context.js';
import type { Desk } from './desk.js';
import type { Session } from '../../shared/api.js';
import type { Operator } from '../../shared/domain.js';
import { getOperation } from '../store/meta.js';
import { insertOperator, signOutOperator } from '../store/operators.js';
import { verifyChain, type ChainResult } from '../store/journal.js';
import { newId } from './ids.js';
import { iso } from '../../shared/clock.js';

export interface SessionState {
  /** Chain check made at start-up; kept so every desk shows the alarm without re-reading the journal. */
  chain: ChainResult;
}

export function checkChain(ctx: Ctx): SessionState {
  return { chain: verifyChain(ctx.db) };
}

export function getSession(ctx: Ctx, state: SessionState, desk: Desk): Session {
  const op = getOperation(ctx.db);
  return {
    operation: op
      ? {
          name: op.name,
          mode: op.mode,
          timezone: op.timezone,
          scenarioStart: op.scenarioStart,
          anchorReal: op.anchorReal,
        }
      : { name: 'Vigie', mode: 'real', timezone: 'Europe/Paris', scenarioStart: null, anchorReal: null },
    operator: desk.operator,
    journalOk: state.chain.ok,
    journalFirstBadSeq: state.chain.firstBadSeq,
  };
}

export function signIn(ctx: Ctx, desk: Desk, input: { name: string; role: string; desk: string }): Operator {
  const operator: Operator = { id: newId(ctx.clock), name: input.name, role: input.role, desk: input.desk };
  const at = iso(ctx.clock.now());
  ctx.db.transaction(() => {
    const previous = desk.operator;
    if (previous) {
      signOutOperator(ctx.db, previous.id, at);
      journal(ctx, previous, {
        action: 'operator.signed_out',
        entityType: 'operator',
        entityId: previous.id,
        data: {},
      });
    }
    insertOperator(ctx.db, operator, at);
    journal(ctx, operator, {
      action: 'operator.signed_in',
      entityType: 'operator',
      entityId: operator.id,
      data: { name: operator.name, role: operator.role, desk: operator.desk },
    });
  })();
  desk.operator = operator;
  return operator;
}
