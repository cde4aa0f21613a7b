import type { DomainHandlers } from './dispatch.js';
import type { sessionCalls } from '../../shared/api/session.js';
import type { Ctx } from './context.js';
import { getSession, signIn, type SessionState } from './session.js';
import { verifyDatabase } from './verify.js';

export const sessionHandlers = (ctx: Ctx, state: SessionState): DomainHandlers<typeof sessionCalls> => ({
  getSession: (_input, desk) => getSession(ctx, state, desk),
  signIn: (input, desk) => signIn(ctx, desk, input),
  verify: () => verifyDatabase(ctx.db),
});
