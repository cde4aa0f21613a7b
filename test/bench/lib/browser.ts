// Chromium for the benches, exactly as the end-to-end tests drive it: the same binary and the same
// flags, read from test/e2e/harness.ts so the two cannot drift apart (WebGL2 on SwiftShader, no
// background traffic). Also the peer's page server and the renderer's memory read through CDP.
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, serve, type Served } from '../../e2e/harness.js';
import { hostClient } from '../../support/host-client.js';
import type { Demo } from '../../support/sign-in.js';
import { paths } from './paths.js';
import { onExit } from './temp.js';

/** The CHROMIUM_ARGS array of test/e2e/harness.ts. */
export function harnessFlags(): string[] {
  const source = readFileSync(join(paths.root, 'test', 'e2e', 'harness.ts'), 'utf8');
  const list = /const CHROMIUM_ARGS = \[([\s\S]*?)\];/.exec(source)?.[1];
  const flags = [...(list ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
  if (!flags.length)
    throw new Error('CHROMIUM_ARGS not found in test/e2e/harness.ts: update test/bench/lib/browser.ts');
  return flags;
}

/** The e2e harness's \`vigie serve\`, stopped whatever way the bench ends. */
export async function serveTracked(db: string): Promise<Served> {
  const served = await serve(db);
  const forget = onExit(() => void served.stop());
  return {
    ...served,
    stop: () => {
      forget();
      return served.stop();
    },
  };
}

export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: harnessFlags() });
  onExit(() => void browser.close().catch(() => undefined));
  return browser;
}

/**
 * Signs the browser of `context` in on the host at `url` as one of the exercise's demo operators:
 * the sign-in is made from Node and its HttpOnly session cookie handed to the browser, so the page
 * opens on a signed-in desk (as a desk reloading its console does) whatever the sign-in screen
 * looks like. Returns the time it took, for the caller to leave out of its figures.
 */
export async function signInBrowser(
  context: BrowserContext,
  url: string,
  who: Demo = 'officer',
  desk = 'BENCH',
): Promise<number> {
  const t0 = Date.now();
  const client = hostClient(url);
  await client.signIn(who, desk);
  const [name, value] = client.cookie.split('=');
  if (!name || !value) throw new Error(`signIn on ${url} set no session cookie`);
  await context.addCookies([{ name, value, url, httpOnly: true, sameSite: 'Strict' }]);
  return Date.now() - t0;
}

/** The console's viewport in the e2e tests. */
export const VIEWPORT = { width: 1600, height: 1000 };

/** A fresh context (cold HTTP cache); `reducedMotion` as the system setting the page can query. */
export const newContext = (
  browser: Browser,
  o: { reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<BrowserContext> =>
  browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-GB',
    reducedMotion: o.reducedMotion ?? 'no-preference',
  });

const LOCAL = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

/** Records (without intercepting, which would slow every request) any request that leaves the machine. */
export function watchOffMachine(page: Page, into: string[]): void {
  page.on('request', (r) => {
    const u = r.url();
    if (!LOCAL.test(u) && !u.startsWith('data:') && !u.startsWith('blob:')) into.push(u);
  });
}

export interface Memory {
  /** JS heap in use after a forced garbage collection, bytes. */
  jsHeapUsed: number;
  /** DOM nodes in the document. */
  nodes: number;
}

/** The page's JS heap after a full GC, and its DOM size, from Chromium's own counters (CDP). */
export async function memory(page: Page): Promise<Memory> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { jsHeapUsed: get('JSHeapUsedSize'), nodes: get('Nodes') };
  } finally {
    await cdp.detach();
  }
}

/** Animation-frame intervals (ms) recorded in the page for `ms` milliseconds. */
export function recordFrames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const stamps: number[] = [];
        const step = (now: number) => {
          stamps.push(now);
          if (now - (stamps[0] as number) < duration) requestAnimationFrame(step);
          else resolve(stamps.slice(1).map((t, i) => t - (stamps[i] as number)));
        };
        requestAnimationFrame(step);
      }),
    ms,
  );
}

// ---- the peer's page server -----------------------------------------------------------------

export interface StaticServer {
  url: string;
  /** Serves `body` (computed per request) at `path`. */
  route(path: string, type: string, body: (query: URLSearchParams) => string | Buffer): void;
  close(): Promise<void>;
}

/** A tiny server on 127.0.0.1 for bench-only pages: each path is registered explicitly. */
export async function startStatic(): Promise<StaticServer> {
  const routes = new Map<string, { type: string; body: (q: URLSearchParams) => string | Buffer }>();
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const r = routes.get(url.pathname);
    if (!r) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, r.type, r.body(url.searchParams));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = onExit(() => server.close());
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    route: (path, type, body) => void routes.set(path, { type, body }),
    close: () =>
      new Promise<void>((resolve) => {
        stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Leaflet peer page (test/bench/pages): its HTML, its script bundled for the browser, Leaflet itself. */
export async function serveLeafletPeer(server: StaticServer): Promise<void> {
  const pages = join(paths.root, 'test', 'bench', 'pages');
  const leaflet = join(paths.root, 'node_modules', 'leaflet', 'dist');
  const script = await esbuild.build({
    entryPoints: [join(pages, 'leaflet-peer.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const js = script.outputFiles[0]?.text ?? '';
  const html = readFileSync(join(pages, 'leaflet.html'));
  const leafletJs = readFileSync(join(leaflet, 'leaflet.js'));
  const leafletCss = readFileSync(join(leaflet, 'leaflet.css'));
  server.route('/leaflet.html', 'text/html; charset=utf-8', () => html);
  server.route('/leaflet-peer.js', 'text/javascript; charset=utf-8', () => js);
  server.route('/vendor/leaflet.js', 'text/javascript; charset=utf-8', () => leafletJs);
  server.route('/vendor/leaflet.css', 'text/css; charset=utf-8', () => leafletCss);
}
