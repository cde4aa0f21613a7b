// The desk's session: which operation this database holds, its clock, and who is signed in.
import type { Ctx } from './context.js';
import type { Desk } from './desk.js';
import type { Session } from '../../shared/api.js';
import type { DemoLogin } from '../../shared/api/session.js';
import { getOperation, hostCountry } from '../store/meta.js';
import { verifyChain, type ChainResult } from '../store/journal.js';
import type { ChainWatch } from './chain-check.js';
import { getClockRow } from '../store/exercise.js';

export interface SessionState {
  /**
   * The journal's check (chain-check.ts): made at start-up, then finished in the background; kept
   * so every desk shows the alarm without re-reading the journal.
   */
  chain: Pick<ChainWatch, 'result' | 'complete'>;
  /** An exercise's demo logins (from its scenario), shown at sign-in; none in a real operation. */
  demoLogins: DemoLogin[];
  /** What the start-up schema check put back (schema-guard.ts), for every desk's alarm. */
  schemaRestored?: string[];
}

/** The session state of a database checked here and now: the whole chain, or `watch`'s check. */
export function checkChain(ctx: Ctx, demoLogins: DemoLogin[] = [], watch?: ChainWatch): SessionState {
  if (watch) return { chain: watch, demoLogins };
  const result: ChainResult = verifyChain(ctx.db);
  return { chain: { result: () => result, complete: () => true }, demoLogins };
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
          clock: op.mode === 'exercise' ? clockStateOf(ctx.db) : null,
        }
      : { name: 'Vigie', mode: 'real', timezone: 'UTC', scenarioStart: null, anchorReal: null },
    operator: desk.operator,
    journalOk: state.chain.result().ok,
    journalFirstBadSeq: state.chain.result().firstBadSeq,
    journalCheckComplete: state.chain.complete(),
    schemaRestored: state.schemaRestored ?? [],
    hostCountry: hostCountry(ctx.db),
    demoLogins: op?.mode === 'exercise' ? state.demoLogins : [],
  };
}

/** The exercise clock as every desk's console follows it (without the row's version). */
function clockStateOf(db: Ctx['db']) {
  const row = getClockRow(db);
  return row ? { state: row.state, rate: row.rate, opAt: row.opAt, realAt: row.realAt } : null;
}
