import { z } from 'zod';
import { call, line, none, shortText } from './call.js';
import type { Operation, Operator, VerifyResult } from '../domain.js';

export interface Session {
  operation: Operation & { anchorReal: string | null };
  operator: Operator | null;
  journalOk: boolean;
  journalFirstBadSeq: number | null;
}

/** The desk's session lock (CJIS-style): the UI locks after `idleLockMinutes` without input. */
export interface DeskLock {
  locked: boolean;
  /** Operation time the desk was locked, or null. */
  lockedAt: string | null;
  /** Idle time before the UI locks the desk; 0 = never. One value for the whole database. */
  idleLockMinutes: number;
}

/** What getSession and the lock calls answer: the session plus the desk's lock. */
export interface SessionView extends Session {
  lock: DeskLock;
}

export const LOCK_REASONS = ['idle', 'manual'] as const;
export const MAX_IDLE_LOCK_MINUTES = 480;
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export const sessionCalls = {
  getSession: call<SessionView>()(none),
  signIn: call<Operator>()(z.object({ name: shortText, role: shortText, desk: line(40) }).strict()),
  /** Locks the desk: writes are refused until the same operator resumes (or someone signs in). */
  lockSession: call<SessionView>()(z.object({ reason: z.enum(LOCK_REASONS).default('manual') }).strict()),
  /** Resumes a locked desk; only the operator who was signed in may (by name). */
  unlockSession: call<SessionView>()(z.object({ name: shortText }).strict()),
  /** Sets the idle time before desks lock (minutes; 0 = never). Journaled. */
  setIdleLock: call<SessionView>()(
    z.object({ minutes: z.number().int().min(0).max(MAX_IDLE_LOCK_MINUTES) }).strict(),
  ),
  verify: call<VerifyResult>()(none),
};
