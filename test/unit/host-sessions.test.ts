// The browser host's per-browser sessions: cookie attributes, the 12-hour limit (on an injected
// clock), renewal at a handover, and ending a session.
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import { HostSessions, readCookie, SESSION_COOKIE, SESSION_MAX_MS } from '../../electron/host/sessions.js';

const HOUR = 3_600_000;

function clock(start = Date.parse('2026-11-24T08:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** The Cookie header a browser sends back for a Set-Cookie header. */
const sent = (setCookie: string) => setCookie.split(';')[0] ?? '';

describe('HostSessions', () => {
  it('opens a session with an HttpOnly, SameSite=Strict cookie of 12 hours, Secure only over TLS', () => {
    const plain = new HostSessions(false).open(createDesk());
    expect(plain).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; `));
    expect(plain.split('; ')).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${SESSION_MAX_MS / 1000}`]),
    );
    expect(plain).not.toContain('Secure');
    expect(new HostSessions(true).open(createDesk()).split('; ')).toContain('Secure');
  });

  it('finds the desk a cookie names, and tells none from unknown', () => {
    const s = new HostSessions(false);
    const desk = createDesk();
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
    const s = new HostSessions(false, c.now);
    const desk = createDesk();
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
    const s = new HostSessions(false, c.now);
    const cookie = sent(s.open(createDesk()));
    const token = readCookie(cookie, SESSION_COOKIE) ?? '';
    c.advance(11 * HOUR);
    s.renew(token);
    c.advance(11 * HOUR);
    expect(s.lookup(cookie).state).toBe('ok');
    c.advance(HOUR);
    expect(s.lookup(cookie).state).toBe('expired');
  });

  it('ends a session with a cookie that clears it in the browser', () => {
    const s = new HostSessions(false);
    const cookie = sent(s.open(createDesk()));
    const token = readCookie(cookie, SESSION_COOKIE) ?? '';
    const cleared = s.end(token);
    expect(cleared.startsWith(`${SESSION_COOKIE}=;`)).toBe(true);
    expect(cleared.split('; ')).toEqual(expect.arrayContaining(['Max-Age=0', 'HttpOnly', 'SameSite=Strict']));
    expect(s.lookup(cookie).state).toBe('unknown');
    expect(s.size).toBe(0);
  });

  it('gives each browser its own token', () => {
    const s = new HostSessions(false);
    const a = sent(s.open(createDesk()));
    const b = sent(s.open(createDesk()));
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
