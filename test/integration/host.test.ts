import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { startHost, type Host } from '../../electron/host/server.js';
import { testApp } from '../support/app.js';
import { paths, tempDir } from '../support/temp.js';
import { hostClient } from '../support/host-client.js';
import { signInAs } from '../support/sign-in.js';
import { calls, QUIET_MS } from '../../electron/services/background-gate.js';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const t = testApp();
  const renderer = tempDir();
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Vigie</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  host = await startHost({
    handlers: t.app.handlers,
    db: () => t.app.db,
    rendererDir: renderer,
    resourcesDir: paths.resources,
    port: 0,
  });
  return { ...t, host };
}

const post = (h: Host, name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${h.url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Raw request with a chosen Host header (fetch does not let us forge it). */
function rawGet(port: number, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('binds to 127.0.0.1 only', async () => {
    const { host: h } = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves every contract call as POST /api/<call>', async () => {
    const { host: h, call } = await start();
    const browser = hostClient(h.url);
    await browser.signIn('officer');
    const res = await browser.call('listUnits', {});
    expect(res.status).toBe(200);
    const units = res.body as { callsign: string }[];
    signInAs(call, 'officer');
    expect(units.map((u) => u.callsign)).toEqual(call('listUnits', {}).map((u) => u.callsign));
  });

  it('answers 400 with the zod path for invalid input, 404 for an unknown call, 401 without sign-in', async () => {
    const { host: h } = await start();
    const bad = await post(h, 'setUnitStatus', { id: 'x', status: 'asleep', version: 1 });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.issues[0]?.path).toBe('status');
    expect((await post(h, 'dropTables', {})).status).toBe(404);
    expect((await post(h, 'listUnits', '{not json')).status).toBe(400);
    expect((await post(h, 'setUnitStatus', { id: 'x', status: 'available', version: 1 })).status).toBe(401);
    // Signed in, a role that may not make the call is refused with 403.
    const observer = hostClient(h.url);
    await observer.signIn('observer', 'OBS');
    const refused = await observer.call('setUnitStatus', { id: 'x', status: 'available', version: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses cross-origin calls, non-JSON bodies, other Host names and GET on the API', async () => {
    const { host: h } = await start();
    expect((await post(h, 'listUnits', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(h, 'listUnits', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await fetch(`${h.url}api/listUnits`)).status).toBe(405);
    expect(await rawGet(h.port, `evil.example:${h.port}`)).toBe(403);
    expect(await rawGet(h.port, `127.0.0.1:${h.port}`)).toBe(200);
  });

  it('serves the renderer with a strict CSP, and resources, never a file outside them', async () => {
    const { host: h } = await start();
    const index = await fetch(h.url);
    expect(index.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await index.text()).toContain('<title>Vigie</title>');
    const route = await fetch(`${h.url}resources/scenario/paris-2024/route.json`);
    expect(route.status).toBe(200);
    expect(((await route.json()) as { bridges: unknown[] }).bridges.length).toBe(18);
    expect((await fetch(`${h.url}resources/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${h.url}..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('holds the background slices while a page loads its files, as for a call', async () => {
    const { host: h } = await start();
    // Quiet: a slice due now would run.
    await new Promise((r) => setTimeout(r, QUIET_MS + 20));
    expect(calls.waitFor(calls.time())).toBe(0);
    const res = await fetch(`${h.url}assets/app.js`);
    expect(res.status).toBe(200);
    expect(calls.waitFor(calls.time())).toBeGreaterThan(0);
  });

  it('refuses oversized bodies', async () => {
    const { host: h } = await start();
    const res = await post(h, 'signIn', {
      login: 'officer',
      passphrase: 'x'.repeat(13 * 1024 * 1024),
      desk: 'd',
    });
    expect(res.status).toBe(413);
  });
});
