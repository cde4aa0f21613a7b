// Large bodies must not block everyone (issue 17): with 10 hostile maximum-size bodies in flight on
// the browser host, sent slowly and each finishing during the calls, a plain getSession keeps
// answering. How fast is a figure for `npm run bench`, not an assertion here (a loaded CI machine
// makes any millisecond bound flaky). Oversized bodies are refused by Content-Length before a byte
// is read, and while streaming as soon as they pass the call's limit.
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { startHost, type Host } from '../../electron/host/server.js';
import { DEFAULT_MAX_BODY, maxBody } from '../../electron/host/body-limits.js';
import { testApp } from '../support/app.js';
import { paths, tempDir } from '../support/temp.js';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(): Promise<Host> {
  const t = testApp();
  host = await startHost({
    handlers: t.app.handlers,
    db: () => t.app.db,
    rendererDir: tempDir(),
    resourcesDir: paths.resources,
    port: 0,
  });
  return host;
}

/** A JSON body of exactly `bytes` bytes: one long string field, as a hostile client would send. */
const bodyOf = (field: string, bytes: number) => {
  const head = `{"${field}":"`;
  return Buffer.from(head + 'x'.repeat(bytes - head.length - 2) + '"}');
};

interface Sent {
  status: number;
  /** Bytes written before the host answered or hung up. */
  written: number;
}

/**
 * Sends `body` to a call in `chunk`-byte pieces, `everyMs` apart (with a Content-Length, or
 * chunked when `declare` is false); resolves with the answer's status (0 when the host hung up).
 */
function slowPost(
  port: number,
  name: string,
  body: Buffer,
  o: { chunk: number; everyMs: number; declare: boolean },
): Promise<Sent> {
  return new Promise((resolve) => {
    let written = 0;
    let answered = false;
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (o.declare) headers['content-length'] = body.length;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/api/${name}`, headers }, (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, written }));
    });
    req.on('error', () => {
      if (!answered) resolve({ status: 0, written });
    });
    void (async () => {
      while (written < body.length && !answered && !req.destroyed) {
        const piece = body.subarray(written, written + o.chunk);
        written += piece.length;
        if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
        await sleep(o.everyMs);
      }
      if (!req.destroyed) req.end();
    })();
  });
}

/**
 * Times `count` getSession calls, `gapMs` apart, from a worker thread: a desk's browser is another
 * process, so the client must not share the host's event loop (its own turns would be counted).
 */
function timeGetSessions(h: Host, count: number, gapMs: number): Promise<number[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const times = [];
      for (let i = 0; i < workerData.count; i++) {
        const t0 = performance.now();
        const res = await fetch(workerData.url, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
        });
        await res.json();
        if (res.status !== 200) throw new Error('getSession answered ' + res.status);
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, workerData.gapMs));
      }
      parentPort.postMessage(times);
    })();
  `;
  const worker = new Worker(code, {
    eval: true,
    workerData: { url: `${h.url}api/getSession`, count, gapMs },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (times: number[]) => resolve(times));
    worker.once('error', reject);
  });
}

describe('browser host under large bodies', () => {
  it('gives the file calls room and everything else a small limit', () => {
    expect(maxBody('getSession')).toBe(DEFAULT_MAX_BODY);
    expect(maxBody('signIn')).toBe(DEFAULT_MAX_BODY);
    expect(maxBody('no such call')).toBe(DEFAULT_MAX_BODY);
    expect(maxBody('importRoster')).toBeGreaterThan(10 * 1024 * 1024);
    expect(maxBody('importZones')).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('refuses by Content-Length before reading, and a chunked body once it passes the limit', async () => {
    const h = await start();
    const big = bodyOf('name', 12 * 1024 * 1024);
    const declared = await slowPost(h.port, 'signIn', big, { chunk: 64 * 1024, everyMs: 5, declare: true });
    expect(declared.status).toBe(413);
    expect(declared.written).toBeLessThan(2 * 1024 * 1024);
    const chunked = await slowPost(h.port, 'signIn', big, { chunk: 16 * 1024, everyMs: 2, declare: false });
    expect(chunked.status).toBe(413);
    expect(chunked.written).toBeLessThan(2 * 1024 * 1024);
  });

  it('keeps answering getSession with 10 hostile maximum-size bodies in flight', async () => {
    const h = await start();
    await timeGetSessions(h, 3, 0); // warm up
    // Each hostile body takes about 2 s to arrive, so all ten are in flight during the
    // measurement and are parsed and refused (the strings are too long) while it runs.
    const calls = ['importRoster', 'importZones'] as const;
    const hostile = Array.from({ length: 10 }, (_, i) => {
      const name = calls[i % 2] as (typeof calls)[number];
      const body = bodyOf(name === 'importRoster' ? 'csv' : 'geojson', maxBody(name));
      return slowPost(h.port, name, body, { chunk: 256 * 1024, everyMs: 50, declare: i % 4 !== 3 });
    });
    await sleep(300);
    const times = await timeGetSessions(h, 20, 100);
    const answers = await Promise.all(hostile);
    for (const a of answers) expect([400, 413]).toContain(a.status);
    // Every call answered 200 (timeGetSessions throws otherwise) while the bodies were arriving.
    expect(times).toHaveLength(20);
  });
});
