import { z } from 'zod';
import { call, none, shortText } from './call.js';
import type { Operation, Operator, VerifyResult } from '../domain.js';

export interface Session {
  operation: Operation & { anchorReal: string | null };
  operator: Operator | null;
  journalOk: boolean;
  journalFirstBadSeq: number | null;
}

export const sessionCalls = {
  getSession: call<Session>()(none),
  signIn: call<Operator>()(
    z.object({ name: shortText, role: shortText, desk: z.string().trim().min(1).max(40) }).strict(),
  ),
  verify: call<VerifyResult>()(none),
};
