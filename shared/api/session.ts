import { z } from 'zod';
import { call, line, none } from './call.js';
import type { Operation, Operator, VerifyResult } from '../domain.js';
import type { Role } from '../roles.js';
import type { ClockState } from '../clock.js';
import { login } from './operators.js';

export interface Session {
  /** `clock`: an exercise clock's last change by a supervisor (null: running at 1× from the anchor). */
  operation: Operation & { anchorReal: string | null; clock?: ClockState | null };
  operator: Operator | null;
  journalOk: boolean;
  journalFirstBadSeq: number | null;
  /**
   * Whether every journal entry has been checked since the server opened the database: opening
   * checks from the last checkpoint, the older entries follow in the background (a break found
   * there turns journalOk false).
   */
  journalCheckComplete: boolean;
  /**
   * The database's protections (append-only triggers) this server found missing or altered at
   * start-up and put back (journaled as store.triggers_restored); empty when all was well.
   */
  schemaRestored: string[];
  /** The operation's country: always sees every item (FR for Paris 2024). */
  hostCountry: string;
  /** An exercise's demo logins, one per role, shown on its sign-in screen; empty in a real operation. */
  demoLogins: DemoLogin[];
}

export interface DemoLogin {
  login: string;
  passphrase: string;
  role: Role;
  name: string;
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
  /** Checks the passphrase; 5 failures in 10 minutes lock the login for 10 minutes. */
  signIn: call<Operator>()(
    z.object({ login, passphrase: z.string().min(1).max(200), desk: line(40) }).strict(),
  ),
  signOut: call<SessionView>()(none),
  /** Locks the desk: writes are refused until the same operator resumes (or someone signs in). */
  lockSession: call<SessionView>()(z.object({ reason: z.enum(LOCK_REASONS).default('manual') }).strict()),
  /** Resumes a locked desk: the signed-in operator's own passphrase. */
  unlockSession: call<SessionView>()(z.object({ passphrase: z.string().min(1).max(200) }).strict()),
  /** Sets the idle time before desks lock (minutes; 0 = never). Journaled. */
  setIdleLock: call<SessionView>()(
    z.object({ minutes: z.number().int().min(0).max(MAX_IDLE_LOCK_MINUTES) }).strict(),
  ),
  verify: call<VerifyResult>()(none),
};
