// `vigie serve` listens before its database is open (host/early.ts): the page is served at once,
// calls wait for the host and are answered by it, a failed start is said to them, and the Host
// header is checked from the first request.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listenEarly, type EarlyHost } from '../../electron/host/early.js';
import { LOOPBACK } from '../../electron/host/listen.js';
import { tempDir } from '../support/temp.js';

let early: EarlyHost | undefined;
afterEach(async () => {
  await early?.fail('test over');
  early = undefined;
});

function roots() {
  const renderer = join(tempDir(), 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><p>shell</p>');
  return { renderer, resources: tempDir() };
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the early listener', () => {
  it('serves the page before the host attaches, and hands waiting calls to it', async () => {
    early = await listenEarly({ address: LOOPBACK }, 0, roots());
    expect(early.url).toBe(`http://127.0.0.1:${early.port}/`);
    const page = await fetch(early.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('shell');

    // A call made now waits: it is answered only once the host has attached.
    let answered = false;
    const call = fetch(`${early.url}api/getSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).then(async (r) => {
      answered = true;
      return { status: r.status, body: await r.text() };
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(answered).toBe(false);
    const seen: string[] = [];
    early.attach((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"from":"host"}');
    });
    expect(await call).toEqual({ status: 200, body: '{"from":"host"}' });
    // From now on the host answers everything, the page included.
    expect((await fetch(early.url)).status).toBe(200);
    expect(seen).toEqual(['POST /api/getSession', 'GET /']);
  });

  it('tells waiting and later calls why the start failed, then closes', async () => {
    early = await listenEarly({ address: LOOPBACK }, 0, roots());
    const url = early.url;
    const waiting = fetch(`${url}events`);
    await new Promise((r) => setTimeout(r, 100));
    const closed = early.fail('table parade_actuals is missing');
    early = undefined;
    const r = await waiting;
    expect(r.status).toBe(503);
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe(
      'The console could not start: table parade_actuals is missing',
    );
    await closed;
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses another Host name and a missing file, as the host does', async () => {
    early = await listenEarly({ address: LOOPBACK }, 0, roots());
    const foreign = await get(early.url, { host: `attacker.example:${early.port}` });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('Host not allowed');
    const missing = await fetch(`${early.url}assets/none.js`);
    expect(missing.status).toBe(404);
  });

  it('reports a port already taken at once', async () => {
    early = await listenEarly({ address: LOOPBACK }, 0, roots());
    await expect(listenEarly({ address: LOOPBACK }, early.port, roots())).rejects.toThrow(/EADDRINUSE/);
  });
});
