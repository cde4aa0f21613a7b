// End-to-end harness: the real `vigie serve` on a temp database, driven in Debian's Chromium.
// Every request is checked: anything that is not loopback, data: or blob: is aborted and recorded,
// and the test fails on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { paths, tempDb } from '../support/temp.js';

export const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(paths.root, 'test-artifacts');

// Flags measured on this machine (see ENVIRONMENT.md): WebGL2 through SwiftShader, and none of
// Chromium's own background traffic. Never --use-gl=swiftshader (no WebGL context at all).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface Served {
  url: string;
  db: string;
  stop(): Promise<void>;
}

/** Starts `vigie serve --port 0` as a child process and waits for the URL it prints. */
export async function serve(db = tempDb()): Promise<Served> {
  if (!existsSync(join(paths.renderer, 'index.html')))
    throw new Error('renderer not built: run npm run build first');
  const child: ChildProcess = spawn(
    process.execPath,
    [join(paths.root, 'electron/bin/vigie.mjs'), 'serve', '--db', db, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`vigie serve did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vigie serve exited ${code}: ${stderr}`));
    });
  });
  return {
    url,
    db,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface Console {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave the machine. Must stay empty. */
  offMachine: string[];
  /** Errors the page threw. */
  pageErrors: string[];
  close(): Promise<void>;
}

const LOCAL = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

export async function openConsole(
  url: string,
  options: { debug?: boolean; locale?: string } = {},
): Promise<Console> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: options.locale ?? 'en-GB',
  });
  const offMachine: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (LOCAL.test(u) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    offMachine.push(u);
    return route.abort('blockedbyclient');
  });
  if (options.debug) await context.addInitScript(() => localStorage.setItem('vigie.debug', '1'));
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  return { browser, context, page, offMachine, pageErrors, close: () => browser.close() };
}

/** Waits for the map to settle with its layers drawn, and returns what it rendered. */
export async function mapIdle(page: Page, minUnits = 1) {
  const map = page.getByTestId('map');
  try {
    await page.waitForFunction(
      (min) => {
        const el = document.querySelector('[data-testid="map"]') as HTMLElement | null;
        return el?.dataset.idle === 'true' && Number(el.dataset.renderedUnits ?? 0) >= min;
      },
      minUnits,
      { timeout: 150_000 },
    );
  } catch (err) {
    // Say what the map was doing: settled elsewhere, or never settled.
    const state = await page
      .evaluate(() => {
        const el = document.querySelector('[data-testid="map"]') as HTMLElement | null;
        const m = (window as { __vigieMap?: { getCenter(): unknown; getZoom(): number } }).__vigieMap;
        return JSON.stringify({ ...el?.dataset, center: m?.getCenter(), zoom: m?.getZoom() });
      })
      .catch(() => 'unknown');
    await page.screenshot({ path: artifact('map-idle-timeout.png') }).catch(() => undefined);
    throw new Error(`map not idle with ${minUnits} units drawn: ${state}`, { cause: err });
  }
  const data = await map.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  return {
    units: Number(data.renderedUnits),
    incidents: Number(data.renderedIncidents),
    venues: Number(data.renderedVenues),
    route: Number(data.renderedRoute),
  };
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** Calls the contract on the host from Node (as another client of the same desk would). */
export function hostApi(url: string) {
  return async function api<T>(name: string, input: unknown): Promise<T> {
    const res = await fetch(`${url}api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as T & { error?: { message: string } };
    if (!res.ok) throw new Error(`${name}: ${res.status} ${body.error?.message ?? ''}`);
    return body;
  };
}

/** Waits for the console's unit list (no map needed), then signs in from the top bar. */
export async function signInFromPage(page: Page, name = 'Camille Durand', desk = 'D1'): Promise<void> {
  await page.locator('[data-testid="unit-row"]').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('sign-in').click();
  await page.getByTestId('signin-name').fill(name);
  await page.getByTestId('signin-role').fill('Watch officer');
  await page.getByTestId('signin-desk').fill(desk);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('operator').waitFor();
}

export type HostApi = ReturnType<typeof hostApi>;
export interface Desk {
  served: Served;
  ui: Console;
  api: HostApi;
}

/** A fresh host, the console open on it (debug hooks on) and an officer signed in from the page. */
export async function openSignedInDesk(): Promise<Desk> {
  const served = await serve();
  const ui = await openConsole(served.url, { debug: true });
  await signInFromPage(ui.page);
  return { served, ui, api: hostApi(served.url) };
}

export async function closeDesk(desk: Partial<Desk>): Promise<void> {
  await desk.ui?.close();
  await desk.served?.stop();
}

export type Props = Record<string, unknown>;

/** Properties of the features of a map source whose `key` property equals `value` (as drawn). */
export async function sourceFeatures(
  page: Page,
  source: string,
  key: string,
  value: string,
): Promise<Props[]> {
  return page.evaluate(
    ({ source, key, value }) => {
      const map = (
        window as unknown as { __vigieMap: { querySourceFeatures(s: string): { properties: Props }[] } }
      ).__vigieMap;
      return map
        .querySourceFeatures(source)
        .map((f) => f.properties)
        .filter((p) => p[key] === value);
    },
    { source, key, value },
  );
}

/** The status the map draws the incident with, or null when the map does not draw it. */
export async function mapIncidentStatus(page: Page, ref: string): Promise<string | null> {
  const found = await sourceFeatures(page, 'incidents', 'reference', ref);
  return found.length ? String(found[0]?.status) : null;
}
