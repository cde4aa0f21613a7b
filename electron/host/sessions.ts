// Per-browser sessions of the browser host: each signed-in browser holds its own desk, named by a
// random token in an HttpOnly, SameSite=Strict cookie (Secure over TLS), for at most 12 hours from
// sign-in (CJIS 5.5.5-style session limit). The token is never shown to the page's scripts.
//
// The sessions live in the database (store/host-sessions.ts, under the token's SHA-256), so every
// server on it knows every browser: a desk whose server stops carries on at another, and a sign-out,
// an expiry or a lock on one server holds on all at the next call, since each call reads the row
// again. Each server keeps the desk objects it handed out, updated in place from the row, so a live
// feed it streams sees the desk's sign-out too.
import { randomBytes } from 'node:crypto';
import { createDesk, type Desk } from '../services/desk.js';
import type { Db } from '../store/db.js';
import type { Operator } from '../../shared/domain.js';
import {
  allHostSessions,
  deleteHostSession,
  expiredHostSessions,
  findHostSession,
  insertHostSession,
  replaceHostSessions,
  sessionKey,
  updateHostSession,
  type HostSession,
} from '../store/host-sessions.js';

export const SESSION_COOKIE = 'vigie_session';
export const SESSION_MAX_MS = 12 * 3_600_000;

export type SessionLookup =
  | { state: 'none' }
  | { state: 'ok'; token: string; desk: Desk }
  | { state: 'unknown'; token: string }
  | { state: 'expired'; token: string; desk: Desk };

interface Held {
  desk: Desk;
  /** The row as last read or written: what a call changed is written back. */
  row: HostSession;
}

/** What a row keeps of a desk, in one string (absent and null fields alike). */
const stateOf = (operator: Operator | null, lockedAt: string | null) =>
  JSON.stringify([
    operator?.id,
    operator?.accountId ?? null,
    operator?.login ?? null,
    operator?.name,
    operator?.role,
    operator?.desk,
    operator?.contingentId ?? null,
    operator?.country ?? null,
    lockedAt,
  ]);
const sameState = (desk: Desk, row: HostSession) =>
  stateOf(desk.operator, desk.lockedAt) === stateOf(row.operator, row.lockedAt);

export class HostSessions {
  private readonly held = new Map<string, Held>();
  /** Dead tokens already journaled: a desk retrying every second is one event, not thousands. */
  private readonly refused = new Set<string>();
  constructor(
    private readonly db: () => Db,
    private readonly secure: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** The session a request names by its cookie; an expired one is removed as it is found. */
  lookup(cookieHeader: string | undefined): SessionLookup {
    const token = readCookie(cookieHeader, SESSION_COOKIE);
    if (token === null) return { state: 'none' };
    const key = sessionKey(token);
    const row = findHostSession(this.db(), key);
    if (!row) {
      this.forget(key);
      return { state: 'unknown', token };
    }
    const desk = this.hold(row).desk;
    if (row.expiresAt <= this.now()) {
      this.held.delete(key);
      // Only the server that removes the row signs its operator out (journaled once).
      if (!deleteHostSession(this.db(), key)) return { state: 'unknown', token };
      return { state: 'expired', token, desk };
    }
    return { state: 'ok', token, desk };
  }

  /** Whether this dead token is heard of for the first time (then it is journaled). */
  firstRefusal(token: string): boolean {
    if (this.refused.has(token)) return false;
    if (this.refused.size >= 10_000) this.refused.clear();
    this.refused.add(token);
    return true;
  }

  /** A desk for a browser that has no live session yet (it may only make public calls). */
  fresh(): Desk {
    return createDesk();
  }

  /** Holds the signed-in `desk` under a new token for 12 hours; answers the Set-Cookie header. */
  open(desk: Desk): string {
    if (!desk.operator) throw new Error('host sessions: only a signed-in desk opens a session');
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const row: HostSession = {
      key: sessionKey(token),
      operator: desk.operator,
      lockedAt: desk.lockedAt,
      createdAt: now,
      expiresAt: now + SESSION_MAX_MS,
    };
    insertHostSession(this.db(), row);
    this.held.set(row.key, { desk, row: { ...row } });
    return this.cookie(token, SESSION_MAX_MS / 1000);
  }

  /**
   * Writes back what a call changed on the desk (its lock, a new person after a handover); with
   * `renew`, the 12 hours start again. A session ended meanwhile by another server stays ended.
   */
  save(token: string, desk: Desk, renew = false): void {
    const held = this.held.get(sessionKey(token));
    if (!held || held.desk !== desk || !desk.operator) return;
    if (!renew && sameState(desk, held.row)) return;
    const row: HostSession = {
      ...held.row,
      operator: desk.operator,
      lockedAt: desk.lockedAt,
      expiresAt: renew ? this.now() + SESSION_MAX_MS : held.row.expiresAt,
    };
    if (updateHostSession(this.db(), row)) held.row = row;
    else this.forget(row.key);
  }

  /** Forgets the token on every server; answers the Set-Cookie header that clears it in the browser. */
  end(token: string): string {
    const key = sessionKey(token);
    deleteHostSession(this.db(), key);
    this.held.delete(key);
    return this.cookie('', 0);
  }

  /**
   * Removes the sessions whose 12 hours are up that no browser came back with; answers their desks,
   * whose operators the caller signs out (each removed by one server only).
   */
  prune(): Desk[] {
    const now = this.now();
    for (const [key, h] of this.held) if (h.row.expiresAt <= now) this.held.delete(key);
    const ended: Desk[] = [];
    for (const row of expiredHostSessions(this.db(), now)) {
      if (deleteHostSession(this.db(), row.key))
        ended.push({ operator: row.operator, lockedAt: row.lockedAt });
    }
    return ended;
  }

  /** Every session as the database holds it (before a restore replaces the file: see carry). */
  all(): HostSession[] {
    return allHostSessions(this.db());
  }

  /** Puts `sessions` back into the database now in use: a restore changes data, not who is signed in. */
  carry(sessions: readonly HostSession[]): void {
    replaceHostSessions(this.db(), sessions);
  }

  /** Desks this server holds (tests). */
  get size(): number {
    return this.held.size;
  }

  /** The desk for `row`, the one already handed out if any, brought up to date with the row. */
  private hold(row: HostSession): Held {
    const held = this.held.get(row.key) ?? { desk: createDesk(), row };
    held.desk.operator = row.operator;
    held.desk.lockedAt = row.lockedAt;
    held.row = row;
    this.held.set(row.key, held);
    return held;
  }

  /** The session was ended elsewhere: the desk handed out is signed out here too. */
  private forget(key: string): void {
    const held = this.held.get(key);
    if (!held) return;
    held.desk.operator = null;
    held.desk.lockedAt = null;
    this.held.delete(key);
  }

  private cookie(value: string, maxAgeSeconds: number): string {
    return [
      `${SESSION_COOKIE}=${value}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${maxAgeSeconds}`,
      ...(this.secure ? ['Secure'] : []),
    ].join('; ');
  }
}

/** One cookie's value from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}
