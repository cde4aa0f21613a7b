import type { DomainHandlers } from './dispatch.js';
import type { sessionCalls } from '../../shared/api/session.js';
import type { SessionView } from '../../shared/api.js';
import type { Ctx } from './context.js';
import type { Desk } from './desk.js';
import { getSession, type SessionState } from './session.js';
import { signIn, signOut } from './sign-in.js';
import { deskLock, lockSession, setIdleLock, unlockSession } from './session-lock.js';
import { verifyDatabase } from './verify.js';

export const sessionHandlers = (ctx: Ctx, state: SessionState): DomainHandlers<typeof sessionCalls> => {
  const view = (desk: Desk): SessionView => ({ ...getSession(ctx, state, desk), lock: deskLock(ctx, desk) });
  return {
    getSession: (_input, desk) => view(desk),
    signIn: (input, desk) => signIn(ctx, desk, input),
    signOut: (_input, desk) => {
      signOut(ctx, desk);
      return view(desk);
    },
    lockSession: (input, desk) => {
      lockSession(ctx, desk, input.reason);
      return view(desk);
    },
    unlockSession: (input, desk) => {
      unlockSession(ctx, desk, input.passphrase);
      return view(desk);
    },
    setIdleLock: (input, desk) => {
      setIdleLock(ctx, desk, input.minutes);
      return view(desk);
    },
    verify: () => verifyDatabase(ctx.db),
  };
};
