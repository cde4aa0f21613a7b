// The packaged-app path end to end: the built main process in a real Electron, on a temp database.
// Runs only where an Electron binary exists (it cannot be downloaded on an offline machine); there
// it is skipped, and says so on stdout.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/call-names.js';
import { CSP } from '../../electron/static-paths.js';
import { findElectronBinary } from './electron-binary.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(root, 'dist', 'node', 'main.cjs');
const RENDERER_INDEX = path.join(root, 'dist', 'renderer', 'index.html');
const ARTIFACTS = path.join(root, 'test-artifacts');

const electron = findElectronBinary();
if (!electron.exists) {
  process.stdout.write(`e2e-electron: skipped: no Electron binary at ${electron.path} (offline machine)\n`);
}

/** What the page sees; only used in casts inside page.evaluate (the test side has no DOM types). */
interface PageGlobals {
  vigie: Record<string, ((input: unknown) => Promise<unknown>) | undefined>;
  open(url: string): unknown;
  location: { href: string };
  require?: unknown;
  process?: unknown;
}

describe.skipIf(!electron.exists)('Vigie in Electron', () => {
  let dir: string;
  let app: ElectronApplication;
  let page: Page;
  const offMachine: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN) || !existsSync(RENDERER_INDEX))
      throw new Error('not built: run npm run build first');
    dir = mkdtempSync(path.join(tmpdir(), 'vigie-electron-'));
    const args = [
      // WebGL on the CPU, as in the browser e2e tests: the same pixels with or without a GPU.
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      MAIN,
      '--db',
      path.join(dir, 'vigie.db'),
    ];
    // Chromium refuses to run its sandbox as root (containers); the renderer's JS sandbox stays.
    if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env))
      if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    // userData (and the per-database lock folder) inside the temp folder, not the real profile.
    env.XDG_CONFIG_HOME = dir;
    app = await _electron.launch({ executablePath: electron.path, args, env, cwd: root, timeout: 60_000 });
    page = await app.firstWindow();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (r) => {
      const u = r.url();
      if (!/^(app:\/\/vigie\/|data:|blob:|devtools:)/.test(u)) offMachine.push(u);
    });
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads app://vigie/ with exactly the contract as window.vigie, and no Node in the page', async () => {
    expect(page.url()).toMatch(/^app:\/\/vigie\//);
    const exposed = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return Object.entries(g.vigie).map(([name, fn]) => [name, typeof fn]);
    });
    expect(exposed.map(([name]) => name).sort()).toEqual([...CALL_NAMES].sort());
    expect(exposed.every(([, type]) => type === 'function')).toBe(true);
    const node = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return [typeof g.require, typeof g.process];
    });
    expect(node).toEqual(['undefined', 'undefined']);
  });

  it('exposes the desktop bridge (base map picker, live feed, room calls), the picker in the layers panel', async () => {
    const bridge = await page.evaluate(() => {
      const g = globalThis as unknown as { vigieDesktop?: Record<string, unknown> };
      return g.vigieDesktop ? Object.entries(g.vigieDesktop).map(([name, fn]) => [name, typeof fn]) : null;
    });
    expect(bridge).toEqual(
      ['pickBasemapFile', 'nextEvents', 'testRoom', 'openRoom', 'leaveRoom', 'recentRooms'].map((n) => [
        n,
        'function',
      ]),
    );
    await page.getByTestId('layers-toggle').click();
    await page.getByTestId('basemap-pick').waitFor();
    expect(await page.getByTestId('basemap-path').count()).toBe(0);
    await page.getByTestId('layers-toggle').click();
  });

  it('serves HTML with the strict CSP', async () => {
    const csp = await page.evaluate(async () => {
      const res = await fetch('app://vigie/index.html');
      return res.headers.get('content-security-policy');
    });
    expect(csp).toBe(CSP);
  });

  it('answers calls over IPC, and rejects bad input with the error data', async () => {
    const session = await page.evaluate(() => (globalThis as unknown as PageGlobals).vigie.getSession?.({}));
    expect(session).toMatchObject({ operation: { mode: 'exercise' } });
    const refused = await page.evaluate(async () => {
      try {
        await (globalThis as unknown as PageGlobals).vigie.setUnitStatus?.({
          id: '',
          status: 'nope',
          version: 0,
        });
        return null;
      } catch (err) {
        return err as { code?: string; message?: string; issues?: unknown[] };
      }
    });
    expect(refused?.code).toBe('invalid_input');
    expect(refused?.message).toMatch(/^setUnitStatus: /);
    expect(refused?.issues?.length).toBeGreaterThan(0);
  });

  it('draws units on the map once it is idle', async () => {
    await page.waitForFunction(
      () => {
        const el = (
          globalThis as unknown as {
            document: { querySelector(s: string): { dataset: Record<string, string> } | null };
          }
        ).document.querySelector('[data-testid="map"]');
        if (el?.dataset.idle !== 'true') return false;
        // The map counts what it rendered only when asked (renderer/map/test-hooks.ts).
        (el as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new Event('vigie:count'));
        return Number(el.dataset.renderedUnits ?? 0) > 0;
      },
      undefined,
      { timeout: 90_000 },
    );
    const units = Number(await page.getAttribute('[data-testid="map"]', 'data-rendered-units'));
    expect(units).toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'electron-console.png') });
  });

  it('made no request outside app://vigie/ and threw no page errors', () => {
    expect(offMachine).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('denies window.open', async () => {
    const opened = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).open('app://vigie/index.html'),
    );
    expect(opened).toBeNull();
    expect(app.windows()).toHaveLength(1);
  });

  it('denies navigation to another origin', async () => {
    for (const target of ['https://example.com/', 'file:///etc/passwd']) {
      await page.evaluate((url) => {
        (globalThis as unknown as PageGlobals).location.href = url;
      }, target);
      await page.waitForTimeout(1000);
      expect(page.url()).toMatch(/^app:\/\/vigie\//);
    }
  });
});
