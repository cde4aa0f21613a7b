// End-to-end harness: the real `vigie serve` on a temp database, driven in Debian's Chromium.
// Every request is checked: anything that is not loopback, data: or blob: is aborted and recorded,
// and the test fails on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { signInInput, type Demo } from '../support/sign-in.js';
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

/**
 * Starts `vigie serve --port 0` as a child process on `db` (a fresh seeded file by default), with
 * `extra` flags (e.g. --tak), and waits for the URL it prints.
 */
export async function serve(db = tempDb(), extra: readonly string[] = []): Promise<Served> {
  if (!existsSync(join(paths.renderer, 'index.html')))
    throw new Error('renderer not built: run npm run build first');
  const child: ChildProcess = spawn(
    process.execPath,
    [join(paths.root, 'electron/bin/vigie.mjs'), 'serve', '--db', db, '--port', '0', ...extra],
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

type ConsoleOptions = { debug?: boolean; locale?: string; viewport?: { width: number; height: number } };

export async function openConsole(url: string, options: ConsoleOptions = {}): Promise<Console> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const ui = await openContext(browser, url, options);
  return { ...ui, close: () => browser.close() };
}

/** Another person at another desk: a new browser context (its own cookies) in the same browser. */
export async function openContext(
  browser: Browser,
  url: string,
  options: ConsoleOptions = {},
): Promise<Console> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1600, height: 1000 },
    locale: options.locale ?? 'en-GB',
  });
  const offMachine: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (LOCAL.test(u) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    offMachine.push(u);
    return route.abort('blockedbyclient');
  });
  // The map counts what it rendered after each idle (data-rendered-*) only when asked (test-hooks.ts).
  await context.addInitScript(() => localStorage.setItem('vigie.count', '1'));
  if (options.debug) await context.addInitScript(() => localStorage.setItem('vigie.debug', '1'));
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  return { browser, context, page, offMachine, pageErrors, close: () => context.close() };
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

export type Who = Demo | { login: string; passphrase: string };

/**
 * Calls the contract on the host from Node, as another client (its own cookie, like a browser).
 * A call answered 401 signs `who` in on `desk` and is sent once more: on a host where the browser
 * already signed the desk in, the API rides on that sign-in; where each client has its own
 * session, it gets one of its own.
 */
export function hostApi(url: string, who: Who = 'officer', desk = 'API') {
  let cookie = '';
  const post = async (name: string, input: unknown) => {
    const res = await fetch(`${url}api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(input),
    });
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
    if (set.length) cookie = set.join('; ');
    return res;
  };
  return async function api<T>(name: string, input: unknown): Promise<T> {
    let res = await post(name, input);
    if (res.status === 401 && name !== 'signIn') {
      const signIn = await post('signIn', signInInput(who, desk));
      if (!signIn.ok) throw new Error(`signIn for ${name}: ${signIn.status} ${await signIn.text()}`);
      res = await post(name, input);
    }
    const body = (await res.json()) as T & { error?: { message: string } };
    if (!res.ok) throw new Error(`${name}: ${res.status} ${body.error?.message ?? ''}`);
    return body;
  };
}

/** Calls the contract from inside the page (its cookie, its session): the status and the body. */
export async function pageApi<T = unknown>(
  page: Page,
  name: string,
  input: unknown = {},
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ name, input }) => {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    { name, input },
  );
}

/** Fills and sends the sign-in form (the sign-in screen's, or the lock screen's by its prefix). */
export async function fillSignIn(page: Page, who: Who, desk: string, prefix = 'signin'): Promise<void> {
  await page.getByTestId(`${prefix}-login`).waitFor({ timeout: 60_000 });
  if (typeof who === 'string') await page.getByTestId(`demo-login-${who}`).click();
  else {
    await page.getByTestId(`${prefix}-login`).fill(who.login);
    await page.getByTestId(`${prefix}-passphrase`).fill(who.passphrase);
  }
  await page.getByTestId(`${prefix}-desk`).fill(desk);
  await page.getByTestId(`${prefix}-submit`).click();
}

/** Signs in from the sign-in screen (an exercise's demo login by default), then waits for the console. */
export async function signInFromPage(page: Page, who: Who = 'officer', desk = 'D1'): Promise<void> {
  await fillSignIn(page, who, desk);
  // Signed in, or refused (then say why rather than time out).
  await page
    .locator('[data-testid="operator"], [data-testid="signin-error"]')
    .first()
    .waitFor({ timeout: 60_000 });
  if (await page.getByTestId('signin-error').count())
    throw new Error(`sign-in refused: ${await page.getByTestId('signin-error').innerText()}`);
  // Everything read for this operator (the side panel opens on the units).
  await page.locator('[data-testid="unit-row"]').first().waitFor({ timeout: 60_000 });
}

export type HostApi = ReturnType<typeof hostApi>;
export interface Desk {
  served: Served;
  ui: Console;
  api: HostApi;
}

/**
 * Waits for the console or the sign-in screen, and signs in if the page is not signed in already
 * (a host whose desk was signed in through the API opens signed in; a host with one session per
 * browser does not).
 */
export async function ensureSignedIn(page: Page, who: Who = 'officer', desk = 'D1'): Promise<void> {
  await page
    .locator('[data-testid="operator"], [data-testid="signin-screen"]')
    .first()
    .waitFor({ timeout: 60_000 });
  if (await page.getByTestId('signin-screen').count()) await signInFromPage(page, who, desk);
}

/** A fresh host, the console open on it (debug hooks on) and `who` signed in from the page. */
export async function openSignedInDesk(who: Who = 'officer', desk = 'D1'): Promise<Desk> {
  const served = await serve();
  const ui = await openConsole(served.url, { debug: true });
  await signInFromPage(ui.page, who, desk);
  return { served, ui, api: hostApi(served.url, who, desk) };
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

/** The status the units overlay draws the unit with (renderer/map/unit-overlay.ts), or null when it does not draw it. */
export async function mapUnitStatus(page: Page, callsign: string): Promise<string | null> {
  return page.evaluate((callsign) => {
    type Drawn = { unit: { callsign: string; status: string } };
    const units = (window as unknown as { __vigieUnits: { list(): { items: Drawn[] } } }).__vigieUnits;
    return units.list().items.find((p) => p.unit.callsign === callsign)?.unit.status ?? null;
  }, callsign);
}

/** The status the map draws the incident with, or null when the map does not draw it. */
export async function mapIncidentStatus(page: Page, ref: string): Promise<string | null> {
  const found = await sourceFeatures(page, 'incidents', 'reference', ref);
  return found.length ? String(found[0]?.status) : null;
}
