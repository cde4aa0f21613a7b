// The browser host's sessions: each browser is its own desk, named by an HttpOnly, SameSite=Strict
// cookie set at sign-in; a call without a live session is refused (401), a forged cookie is
// journaled, sign-out clears the cookie, and the live feed and snapshot need a signed-in desk
// (the snapshot only host watch officers and supervisors).
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, type Host } from '../../electron/host/server.js';
import { SESSION_MAX_MS } from '../../electron/host/sessions.js';
import { snapshotSource } from '../../electron/host/snapshot.js';
import { startFeed } from '../../electron/services/feed.js';
import { hostAccess } from '../../electron/services/host-access.js';
import type { JournalEntry } from '../../shared/domain.js';
import { testApp } from '../support/app.js';
import { hostClient } from '../support/host-client.js';
import { DEMO, signInAs, signInInput } from '../support/sign-in.js';
import { paths, tempDir } from '../support/temp.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

const bag = {
  category: 'unattended_bag',
  priority: 2,
  title: 'Unattended bag, Quai de Conti',
  source: 'cctv',
  lat: 48.8578,
  lon: 2.3372,
};

/**
 * A host as `vigie serve` wires it: live feed, snapshot and the host's access rules; on `db` (a
 * second server on the same database) and with `now` as the sessions' real time when given.
 */
async function start(db?: string, now?: () => number) {
  const t = testApp(db);
  const renderer = tempDir();
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Vigie</title>');
  const feed = startFeed({ current: () => t.app.db, location: t.dbPath });
  const snapshot = snapshotSource(() => t.app.db);
  const host: Host = await startHost({
    handlers: t.app.handlers,
    db: () => t.app.db,
    ...(now && { now }),
    rendererDir: renderer,
    resourcesDir: paths.resources,
    port: 0,
    feed,
    snapshot,
    access: hostAccess(() => t.app.ctx),
  });
  cleanup.push(
    () => feed.close(),
    () => snapshot.close(),
    () => host.close(),
  );
  /** The journal as the supervisor at the host's own (in-process) desk reads it. */
  const journal = (action: string): JournalEntry[] => {
    if (!t.desk.operator) signInAs(t.call, 'supervisor', 'HOST');
    return t.call('listJournal', { limit: 1000 }).filter((e) => e.action === action);
  };
  return { ...t, host, journal };
}

const post = (h: Host, name: string, body: unknown, cookie?: string) =>
  fetch(`${h.url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

describe('browser host sessions', () => {
  it('gives two browsers signed in as two people two desks, each journaled as its own', async () => {
    const { host, journal } = await start();
    const a = hostClient(host.url);
    const b = hostClient(host.url);
    await a.signIn('officer', 'D1');
    await b.signIn('supervisor', 'D2');
    expect(a.cookie).not.toBe(b.cookie);

    const sa = await a.call('getSession');
    const sb = await b.call('getSession');
    expect(sa.body).toMatchObject({
      operator: { name: DEMO.officer.name, role: 'watch_officer', desk: 'D1' },
    });
    expect(sb.body).toMatchObject({
      operator: { name: DEMO.supervisor.name, role: 'supervisor', desk: 'D2' },
    });

    const ia = await a.call('createIncident', { ...bag, title: 'From desk one' });
    const ib = await b.call('createIncident', { ...bag, title: 'From desk two' });
    expect([ia.status, ib.status]).toEqual([200, 200]);
    const created = journal('incident.created');
    const by = (id: unknown) => created.find((e) => e.entityId === id);
    expect(by((ia.body as { id: string }).id)).toMatchObject({
      operator: DEMO.officer.name,
      role: 'watch_officer',
      desk: 'D1',
    });
    expect(by((ib.body as { id: string }).id)).toMatchObject({
      operator: DEMO.supervisor.name,
      role: 'supervisor',
      desk: 'D2',
    });

    // One browser signing out leaves the other signed in.
    expect((await a.call('signOut')).status).toBe(200);
    expect((await b.call('listUnits')).status).toBe(200);
  });

  it('refuses a call without a session cookie with 401, but answers the public calls', async () => {
    const { host } = await start();
    const res = await post(host, 'listUnits', {});
    expect(res.status).toBe(401);
    expect(errorCode(await res.json())).toBe('unauthorized');
    const session = await post(host, 'getSession', {});
    expect(session.status).toBe(200);
    expect(((await session.json()) as { operator: unknown }).operator).toBeNull();
    // A public call sets no cookie: only a successful sign-in opens a session.
    expect(session.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a forged cookie with 401, clears it, and journals operator.session_refused', async () => {
    const { host, journal } = await start();
    const res = await post(host, 'listUnits', {}, 'vigie_session=forged-token-of-mallory');
    expect(res.status).toBe(401);
    expect(errorCode(await res.json())).toBe('unauthorized');
    const [cleared] = res.headers.getSetCookie();
    expect(cleared).toMatch(/^vigie_session=;/);
    expect(cleared).toContain('Max-Age=0');

    const refused = journal('operator.session_refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      operator: 'anonymous',
      entityType: 'session',
      data: { reason: 'unknown', call: 'listUnits', address: expect.any(String) as unknown },
    });
    // The forged token is never written to the journal.
    expect(JSON.stringify(refused[0])).not.toContain('mallory');

    // Signing in with the dead cookie still works: the browser gets a new session.
    const signIn = await post(
      host,
      'signIn',
      signInInput('officer'),
      'vigie_session=forged-token-of-mallory',
    );
    expect(signIn.status).toBe(200);
    expect(signIn.headers.getSetCookie().some((c) => /^vigie_session=[^;]+;/.test(c))).toBe(true);
  });

  it('sets the cookie HttpOnly and SameSite=Strict, for 12 hours, and never in the body', async () => {
    const { host } = await start();
    const res = await post(host, 'signIn', signInInput('officer'));
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    const attributes = (cookies[0] ?? '').split('; ');
    expect(attributes[0]).toMatch(/^vigie_session=[A-Za-z0-9_-]{32,}$/);
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', 'Max-Age=43200']),
    );
    // Plain HTTP on 127.0.0.1: a Secure cookie would never come back.
    expect(attributes).not.toContain('Secure');
    const token = (attributes[0] ?? '').slice('vigie_session='.length);
    expect(await res.text()).not.toContain(token);
  });

  it('clears the cookie at sign-out, and the next call is 401, even with the old cookie', async () => {
    const { host } = await start();
    const a = hostClient(host.url);
    await a.signIn('officer', 'D1');
    const old = a.cookie;
    expect((await a.call('listUnits')).status).toBe(200);

    const out = await post(host, 'signOut', {}, old);
    expect(out.status).toBe(200);
    const [cleared] = out.headers.getSetCookie();
    expect(cleared).toMatch(/^vigie_session=;/);
    expect(cleared?.split('; ')).toEqual(
      expect.arrayContaining(['Max-Age=0', 'HttpOnly', 'SameSite=Strict']),
    );

    const again = await post(host, 'listUnits', {}, old);
    expect(again.status).toBe(401);
    expect(errorCode(await again.json())).toBe('unauthorized');
  });

  it('keeps the hostClient signed out after signOut (the browser drops the cookie)', async () => {
    const { host } = await start();
    const a = hostClient(host.url);
    await a.signIn('supervisor', 'D3');
    expect((await a.call('signOut')).status).toBe(200);
    expect(a.cookie).toBe('');
    const next = await a.call('listUnits');
    expect(next.status).toBe(401);
    expect(errorCode(next.body)).toBe('unauthorized');
  });

  it('opens the live feed only to a signed-in desk', async () => {
    const { host, journal } = await start();
    expect((await fetch(`${host.url}events`)).status).toBe(401);

    const forged = await fetch(`${host.url}events`, { headers: { cookie: 'vigie_session=forged' } });
    expect(forged.status).toBe(401);
    expect(journal('operator.session_refused').map((e) => e.data)).toEqual([
      expect.objectContaining({ reason: 'unknown', call: '/events' }),
    ]);

    const a = hostClient(host.url);
    await a.signIn('officer', 'D1');
    const stop = new AbortController();
    const live = await a.get('events', { signal: stop.signal });
    expect(live.status).toBe(200);
    expect(live.headers.get('content-type')).toMatch(/^text\/event-stream/);
    stop.abort();
    await live.body?.cancel().catch(() => undefined);
  });

  it('gives the snapshot only to host watch officers and supervisors', async () => {
    const { host } = await start();
    expect((await fetch(`${host.url}snapshot`)).status).toBe(401);

    const liaison = hostClient(host.url);
    await liaison.signIn('liaison-es', 'ES1');
    const refused = await liaison.get('snapshot');
    expect(refused.status).toBe(403);
    expect(errorCode(await refused.json())).toBe('forbidden');

    const observer = hostClient(host.url);
    await observer.signIn('observer', 'OBS');
    expect((await observer.get('snapshot')).status).toBe(403);

    const officer = hostClient(host.url);
    await officer.signIn('officer', 'D1');
    const file = await officer.get('snapshot');
    expect(file.status).toBe(200);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 15)
        .toString('latin1'),
    ).toBe('SQLite format 3');
  });
});

describe('sessions shared by the servers on one database', () => {
  /** Two servers on one database (two `vigie serve`), and a browser signed in on the first. */
  async function pair(now?: () => number) {
    const a = await start(undefined, now);
    const b = await start(a.dbPath, now);
    const browser = hostClient(a.host.url);
    await browser.signIn('officer', 'D1');
    /** The same browser's call sent to server B (a load balancer's choice, or A stopped). */
    const onB = async (name: string, input: unknown = {}) => {
      const res = await post(b.host, name, input, browser.cookie);
      return { status: res.status, body: (await res.json()) as unknown };
    };
    return { a, b, browser, onB };
  }

  it('lets a browser signed in on one server carry on at another as the same operator and desk', async () => {
    const { a, browser, onB } = await pair();
    const there = await onB('getSession');
    expect(there.status).toBe(200);
    expect((there.body as { operator: unknown }).operator).toEqual(
      ((await browser.call('getSession')).body as { operator: unknown }).operator,
    );
    expect(there.body).toMatchObject({
      operator: { name: DEMO.officer.name, role: 'watch_officer', desk: 'D1' },
    });

    const ia = await browser.call('createIncident', { ...bag, title: 'Through server A' });
    const ib = await onB('createIncident', { ...bag, title: 'Through server B' });
    expect([ia.status, ib.status]).toEqual([200, 200]);
    const created = a.journal('incident.created');
    const by = (r: { body: unknown }) => created.find((e) => e.entityId === (r.body as { id: string }).id);
    const who = { operator: DEMO.officer.name, role: 'watch_officer', desk: 'D1' };
    expect(by(ia)).toMatchObject(who);
    expect(by(ib)).toMatchObject(who);
    // One sign-in for both servers: nothing signed the browser in again at B.
    expect(a.journal('operator.signed_in').filter((e) => e.desk === 'D1')).toHaveLength(1);
  });

  it('ends the session on every server at a sign-out on one', async () => {
    const { a, browser, onB } = await pair();
    expect((await browser.call('listUnits')).status).toBe(200);
    const out = await onB('signOut');
    expect(out.status).toBe(200);
    expect((out.body as { operator: unknown }).operator).toBeNull();

    const next = await browser.call('listUnits');
    expect(next.status).toBe(401);
    expect(errorCode(next.body)).toBe('unauthorized');
    expect(a.journal('operator.signed_out').filter((e) => e.desk === 'D1')).toHaveLength(1);
    expect(a.app.db.prepare('SELECT count(*) AS n FROM host_sessions').get()).toEqual({ n: 0 });
  });

  it('refuses a session past 12 hours on both servers, signing its operator out once', async () => {
    let t = Date.parse('2026-11-24T08:00:00Z');
    const { a, browser, onB } = await pair(() => t);
    t += SESSION_MAX_MS - 1000;
    expect((await onB('listUnits')).status).toBe(200);
    t += 1000;
    const onb = await onB('listUnits');
    expect(onb.status).toBe(401);
    expect((onb.body as { error: { message: string } }).error.message).toMatch(/12 hours/);
    expect((await browser.call('listUnits')).status).toBe(401);

    expect(a.journal('operator.signed_out').filter((e) => e.desk === 'D1')).toHaveLength(1);
    // B found it expired (and signed its operator out); A then found no session at all.
    const reasons = a.journal('operator.session_refused').map((e) => (e.data as { reason: string }).reason);
    expect(reasons.sort()).toEqual(['expired', 'unknown']);
  });

  it('prunes a session no browser came back with at the next sign-in, signing its operator out', async () => {
    let t = Date.parse('2026-11-24T08:00:00Z');
    const { a, b } = await pair(() => t);
    t += SESSION_MAX_MS;
    await hostClient(b.host.url).signIn('supervisor', 'D2');
    expect(a.app.db.prepare('SELECT desk FROM host_sessions').all()).toEqual([{ desk: 'D2' }]);
    expect(a.journal('operator.signed_out').filter((e) => e.desk === 'D1')).toHaveLength(1);
  });

  it('keeps the SHA-256 of the token, never the token itself', async () => {
    const { a, browser } = await pair();
    const token = browser.cookie.slice('vigie_session='.length);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = a.app.db.prepare('SELECT * FROM host_sessions').all() as { token_hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).not.toBe(token);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    // Not the operation's data: left out of copies, backups and their counts.
    const tables = a.app.db.prepare(a.app.db.dialect.listTables).all() as { name: string }[];
    expect(tables.map((r) => r.name)).not.toContain('host_sessions');
  });

  it('refuses a forged cookie at the second server too, journaled once however often it comes', async () => {
    const { a, b } = await pair();
    for (let i = 0; i < 3; i++) {
      const res = await post(b.host, 'listUnits', {}, 'vigie_session=forged-token-of-mallory');
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie()[0]).toMatch(/^vigie_session=;/);
    }
    const refused = a.journal('operator.session_refused');
    expect(refused.map((e) => e.data)).toEqual([
      expect.objectContaining({ reason: 'unknown', call: 'listUnits' }),
    ]);
    expect(JSON.stringify(refused)).not.toContain('mallory');
  });

  it('holds a desk lock, and a supervisor disabling the account, on the other server at its next call', async () => {
    const { a, browser, onB } = await pair();
    expect((await browser.call('lockSession', { reason: 'manual' })).status).toBe(200);
    const locked = await onB('createIncident', bag);
    expect(locked.status).toBe(403);
    expect((locked.body as { error: { message: string } }).error.message).toMatch(/Desk locked/);
    expect((await onB('unlockSession', { passphrase: DEMO.officer.passphrase })).status).toBe(200);
    expect((await browser.call('createIncident', bag)).status).toBe(200);

    const supervisor = hostClient(a.host.url);
    await supervisor.signIn('supervisor', 'D9');
    const accounts = (await supervisor.call('listOperators')).body as {
      id: string;
      login: string;
      version: number;
    }[];
    const officer = accounts.find((x) => x.login === DEMO.officer.login);
    if (!officer) throw new Error('no officer account');
    const off = await supervisor.call('updateOperator', {
      id: officer.id,
      version: officer.version,
      disabled: true,
    });
    expect(off.status).toBe(200);
    const refused = await onB('listUnits');
    expect(refused.status).toBe(401);
    expect((refused.body as { error: { message: string } }).error.message).toMatch(/disabled/);
  });
});
