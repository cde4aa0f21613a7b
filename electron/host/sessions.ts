// Per-browser sessions of the browser host: each signed-in browser holds its own desk, named by a
// random token in an HttpOnly, SameSite=Strict cookie (Secure over TLS), for at most 12 hours from
// sign-in (CJIS 5.5.5-style session limit). The token is never shown to the page's scripts.
import { randomBytes } from 'node:crypto';
import { createDesk, type Desk } from '../services/desk.js';

export const SESSION_COOKIE = 'vigie_session';
export const SESSION_MAX_MS = 12 * 3_600_000;

export type SessionLookup =
  | { state: 'none' }
  | { state: 'ok'; token: string; desk: Desk }
  | { state: 'unknown'; token: string }
  | { state: 'expired'; token: string; desk: Desk };

interface Held {
  desk: Desk;
  expires: number;
}

export class HostSessions {
  private readonly held = new Map<string, Held>();
  /** Dead tokens already journaled: a desk retrying every second is one event, not thousands. */
  private readonly refused = new Set<string>();
  constructor(
    private readonly secure: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** The session a request names by its cookie; an expired one is forgotten as it is found. */
  lookup(cookieHeader: string | undefined): SessionLookup {
    const token = readCookie(cookieHeader, SESSION_COOKIE);
    if (token === null) return { state: 'none' };
    const held = this.held.get(token);
    if (!held) return { state: 'unknown', token };
    if (held.expires <= this.now()) {
      this.held.delete(token);
      return { state: 'expired', token, desk: held.desk };
    }
    return { state: 'ok', token, desk: held.desk };
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

  /** Holds `desk` under a new token for 12 hours; answers the Set-Cookie header. */
  open(desk: Desk): string {
    const token = randomBytes(32).toString('base64url');
    this.held.set(token, { desk, expires: this.now() + SESSION_MAX_MS });
    return this.cookie(token, SESSION_MAX_MS / 1000);
  }

  /** A new person on the same desk (a handover): the 12 hours start again. */
  renew(token: string): void {
    const held = this.held.get(token);
    if (held) held.expires = this.now() + SESSION_MAX_MS;
  }

  /** Forgets the token; answers the Set-Cookie header that clears it in the browser. */
  end(token: string): string {
    this.held.delete(token);
    return this.cookie('', 0);
  }

  get size(): number {
    return this.held.size;
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
