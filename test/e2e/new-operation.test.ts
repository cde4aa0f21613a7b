// "New operation…" in the console, in Chromium against `vigie serve` on a desk's file: a supervisor
// reaches it from Settings, a spoiled package folder is refused with every problem named (and no
// file made), the shipped Los Angeles 2028 package becomes a new file beside the open one, and the
// browser is told how to serve it. A second console with a stand-in desktop bridge (no Electron
// binary here; the main-process side is tested in test/unit/operation-switch.test.ts) picks the
// folder natively and asks the app to reopen on the new file. Screenshots at 1920×1080, en and fr.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifact, openConsole, signInFromPage, type Console, type Served, serve } from './harness.js';
import { paths, tempDir } from '../support/temp.js';

const FULL_HD = { width: 1920, height: 1080 };
// One server per test: the temp folders a test makes (its database's too) go when it ends.
let served: Served;
beforeEach(async () => {
  served = await serve();
});
afterEach(async () => {
  await served?.stop();
});

/** A copy of the Los Angeles package with a time zone that does not exist. */
function spoiledPackage(): string {
  const dir = join(tempDir('vigie-pkg-'), 'la-spoiled');
  cpSync(join(paths.resources, 'scenario', 'la-2028'), dir, { recursive: true });
  const file = join(dir, 'scenario.json');
  const s = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...s, timezone: 'America/Atlantis' }));
  return dir;
}

async function openDialog(page: Page) {
  await page.getByTestId('open-settings').click();
  await page.getByTestId('open-new-operation').click();
  await page.getByTestId('new-operation-dialog').waitFor();
}

describe('New operation… in a browser on the host', () => {
  let ui: Console;
  afterAll(async () => ui?.close());

  it('refuses a spoiled folder with its problems, then makes Los Angeles 2028 beside the open file', async () => {
    ui = await openConsole(served.url, { viewport: FULL_HD });
    const { page } = ui;
    await signInFromPage(page, 'supervisor');
    await openDialog(page);
    // Nothing chosen: Create is disabled and says why.
    expect(await page.getByTestId('newop-create').isDisabled()).toBe(true);
    expect(await page.getByTestId('newop-why').innerText()).toBe('Choose a package first');

    const spoiled = spoiledPackage();
    const before = readdirSync(dirname(served.db)).sort();
    await page.getByTestId('newop-folder-choice').check();
    await page.getByTestId('newop-folder').fill(spoiled);
    await page.getByTestId('newop-check').click();
    const problems = page.getByTestId('newop-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toMatch(
      /scenario\.json: timezone: "America\/Atlantis" is not a known IANA time zone/,
    );
    expect(await page.getByTestId('newop-why').innerText()).toBe('Check the package first');
    await page.screenshot({ path: artifact('new-operation-refused-en.png') });
    expect(readdirSync(dirname(served.db)).sort()).toEqual(before);

    await page.getByTestId('newop-package-la-2028').check();
    const summary = await page.getByTestId('newop-summary').innerText();
    expect(summary).toMatch(/Los Angeles 2028/);
    expect(summary).toMatch(/America\/Los_Angeles · \d+ venues/);
    expect(await page.getByTestId('newop-file').inputValue()).toBe('la-2028-opening');
    await page.getByTestId('newop-file').fill('LA 2028 exercise');
    await page.screenshot({ path: artifact('new-operation-en.png') });
    await page.getByTestId('newop-create').click();
    await page.getByTestId('newop-created').waitFor();
    const file = join(dirname(served.db), 'LA 2028 exercise.db');
    expect(await page.getByTestId('newop-created-file').innerText()).toBe(file);
    expect(await page.getByTestId('newop-serve').innerText()).toBe(`npx vigie serve --db "${file}"`);
    // The package has its own demo logins: the creator is told to use them.
    expect(await page.getByTestId('newop-login').innerText()).toMatch(/package’s own logins/);
    expect(existsSync(file)).toBe(true);
    await page.screenshot({ path: artifact('new-operation-created-en.png') });
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});

describe('New operation… in the desktop app (stand-in bridge)', () => {
  let ui: Console;
  afterAll(async () => ui?.close());

  it('picks the folder natively and asks the app to reopen on the new file, in French', async () => {
    ui = await openConsole(served.url, { viewport: FULL_HD, locale: 'fr-FR' });
    const { page, context } = ui;
    const opened: string[] = [];
    await page.exposeFunction('__openedOperation', (f: string) => void opened.push(f));
    const folder = join(paths.resources, 'scenario', 'la-2028');
    await context.addInitScript((picked: string) => {
      const w = window as unknown as { vigieDesktop: unknown; __openedOperation(f: string): Promise<void> };
      const idle = () => new Promise<never>(() => undefined);
      w.vigieDesktop = Object.freeze({
        pickBasemapFile: async () => ({ canceled: true }),
        nextEvents: idle,
        testRoom: idle,
        openRoom: idle,
        leaveRoom: async () => ({ open: null, recent: [] }),
        recentRooms: async () => ({ open: null, recent: [] }),
        pickScenarioFolder: async () => ({ canceled: false, folder: picked }),
        openOperationFile: (f: string) => w.__openedOperation(f),
      });
    }, folder);
    await page.reload();
    await signInFromPage(page, 'supervisor');
    await openDialog(page);
    await page.getByTestId('newop-folder-choice').check();
    await page.getByRole('button', { name: 'Choisir le dossier…' }).click();
    await page.getByTestId('newop-summary').waitFor();
    expect(await page.getByTestId('newop-folder').inputValue()).toBe(folder);
    await page.getByTestId('newop-file').fill('LA bureau');
    await page.screenshot({ path: artifact('new-operation-fr.png') });
    await page.getByTestId('newop-create').click();
    await page.getByTestId('newop-created').waitFor();
    await page.screenshot({ path: artifact('new-operation-created-fr.png') });
    await page.getByTestId('newop-open').click();
    await expect.poll(() => opened).toEqual([join(dirname(served.db), 'LA bureau.db')]);
  });
});
