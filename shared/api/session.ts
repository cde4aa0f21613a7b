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

/** A desktop app in a room: whether the room answers, and the age of the desk's own copy of it. */
export interface RoomLinkView {
  connected: boolean;
  /** When the desk's copy was last known to be the room's (ISO), null without a copy. */
  copyAt: string | null;
  /** Since when the room has not answered (ISO), null while it does. */
  lostSince: string | null;
}

/** What getSession and the lock calls answer: the session plus the desk's lock. */
export interface SessionView extends Session {
  lock: DeskLock;
  /** Only from a desktop app in a room (absent on a desk alone and in a browser). */
  room?: RoomLinkView;
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
