// The browser host's per-browser sessions: cookie attributes, the 12-hour limit (on an injected
// clock), renewal at a handover, and ending a session; kept in a database file's host_sessions.
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../electron/services/desk.js';
import { HostSessions, readCookie, SESSION_COOKIE, SESSION_MAX_MS } from '../../electron/host/sessions.js';
import { openDatabase, type Db } from '../../electron/store/db.js';
import { tempDb } from '../support/temp.js';

const HOUR = 3_600_000;

function clock(start = Date.parse('2026-11-24T08:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** The Cookie header a browser sends back for a Set-Cookie header. */
const sent = (setCookie: string) => setCookie.split(';')[0] ?? '';

const opened: Db[] = [];
afterEach(() => {
  while (opened.length) opened.pop()?.close();
});

/** Sessions on a fresh database file. */
function sessions(secure = false, now?: () => number) {
  const db = openDatabase(tempDb());
  opened.push(db);
  return new HostSessions(() => db, secure, now);
}

/** A desk as signIn leaves it. */
const signedIn = (name = 'Cpt. Élise Marchand'): Desk => ({
  ...createDesk(),
  operator: {
    id: `op-${name}`,
    accountId: 'acc-1',
    login: 'emarchand',
    name,
    role: 'watch_officer',
    desk: 'D1',
    contingentId: null,
    country: null,
  },
});

describe('HostSessions', () => {
  it('opens a session with an HttpOnly, SameSite=Strict cookie of 12 hours, Secure only over TLS', () => {
    const plain = sessions(false).open(signedIn());
    expect(plain).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; `));
    expect(plain.split('; ')).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${SESSION_MAX_MS / 1000}`]),
    );
    expect(plain).not.toContain('Secure');
    expect(sessions(true).open(signedIn()).split('; ')).toContain('Secure');
  });

  it('finds the desk a cookie names, and tells none from unknown', () => {
    const s = sessions(false);
    const desk = signedIn();
    const cookie = sent(s.open(desk));
    const found = s.lookup(`other=1; ${cookie}`);
    expect(found.state).toBe('ok');
    expect(found.state === 'ok' && found.desk).toBe(desk);
    expect(s.lookup(undefined)).toEqual({ state: 'none' });
    expect(s.lookup('other=1')).toEqual({ state: 'none' });
    expect(s.lookup(`${SESSION_COOKIE}=forged`)).toEqual({ state: 'unknown', token: 'forged' });
  });

  it('expires a session 12 hours after sign-in and forgets it', () => {
    const c = clock();
    const s = sessions(false, c.now);
    const desk = signedIn();
    const cookie = sent(s.open(desk));
    c.advance(12 * HOUR - 1);
    expect(s.lookup(cookie).state).toBe('ok');
    c.advance(1);
    const gone = s.lookup(cookie);
    expect(gone.state).toBe('expired');
    expect(gone.state === 'expired' && gone.desk).toBe(desk);
    expect(s.size).toBe(0);
    // Once found expired, the token is forgotten: it is now merely unknown.
    expect(s.lookup(cookie).state).toBe('unknown');
  });

  it('starts the 12 hours again when a new person takes the desk (renew)', () => {
    const c = clock();
    const s = sessions(false, c.now);
    const desk = signedIn();
    const cookie = sent(s.open(desk));
    const token = readCookie(cookie, SESSION_COOKIE) ?? '';
    c.advance(11 * HOUR);
    expect(s.lookup(cookie).state).toBe('ok');
    desk.operator = signedIn('Lt. Hugo Martin').operator;
    s.save(token, desk, true);
    c.advance(11 * HOUR);
    const found = s.lookup(cookie);
    expect(found.state === 'ok' && found.desk.operator?.name).toBe('Lt. Hugo Martin');
    c.advance(HOUR);
    expect(s.lookup(cookie).state).toBe('expired');
  });

  it('writes back a lock, which a second server on the same file then reads', () => {
    const db = openDatabase(tempDb());
    opened.push(db);
    const a = new HostSessions(() => db, false);
    const b = new HostSessions(() => db, false);
    const desk = signedIn();
    const cookie = sent(a.open(desk));
    const token = readCookie(cookie, SESSION_COOKIE) ?? '';
    desk.lockedAt = '2026-11-24T08:05:00.000Z';
    a.save(token, desk);
    const there = b.lookup(cookie);
    expect(there.state === 'ok' && there.desk).toEqual(desk);
    expect(there.state === 'ok' && there.desk).not.toBe(desk);
  });

  it('ends a session with a cookie that clears it in the browser', () => {
    const s = sessions(false);
    const cookie = sent(s.open(signedIn()));
    const token = readCookie(cookie, SESSION_COOKIE) ?? '';
    const cleared = s.end(token);
    expect(cleared.startsWith(`${SESSION_COOKIE}=;`)).toBe(true);
    expect(cleared.split('; ')).toEqual(expect.arrayContaining(['Max-Age=0', 'HttpOnly', 'SameSite=Strict']));
    expect(s.lookup(cookie).state).toBe('unknown');
    expect(s.size).toBe(0);
  });

  it('gives each browser its own token', () => {
    const s = sessions(false);
    const a = sent(s.open(signedIn()));
    const b = sent(s.open(signedIn()));
    expect(a).not.toBe(b);
    expect(s.size).toBe(2);
  });

  it('reads one cookie among several, and treats an empty value as none', () => {
    expect(readCookie('a=1; vigie_session=abc ; b=2', SESSION_COOKIE)).toBe('abc');
    expect(readCookie('vigie_session=', SESSION_COOKIE)).toBeNull();
    expect(readCookie('xvigie_session=abc', SESSION_COOKIE)).toBeNull();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeNull();
  });
});
