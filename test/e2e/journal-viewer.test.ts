// The journal viewer in Chromium against `vigie serve`: the supervisor signs in, opens the Journal
// from the top bar, sees the chain status on top, filters by action and sees exactly those entries
// (operator, role, desk, summary), is told which field is wrong when a filter is; screenshots at
// 1920×1080 in English and French.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Incident, JournalEntry } from '../../shared/domain.js';
import { paths, tempDb } from '../support/temp.js';
import { artifact, openConsole, serve, type Console, type Served } from './harness.js';

let served: Served;
let ui: Console;

async function open(db?: string): Promise<void> {
  served = await serve(db);
  ui = await openConsole(served.url);
  await ui.page.setViewportSize({ width: 1920, height: 1080 });
}
async function close(): Promise<void> {
  await ui?.close();
  await served?.stop();
}

/** A call from the page itself, so it carries the page's own session (its cookie, where there is one). */
async function call<T>(page: Page, name: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ name, input }) => {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as unknown;
      if (!res.ok) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    },
    { name, input },
  ) as Promise<T>;
}

/** Signs the supervisor in from the page (before and after: no journal, then a Journal button). */
async function signInAsSupervisor(page: Page, meanwhile: () => Promise<void> = async () => {}) {
  // Before anyone signs in the console shows its top bar, and no journal.
  await page.getByTestId('lang-en').waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  expect(await page.getByTestId('open-journal').count()).toBe(0);
  await call(page, 'signIn', { login: 'supervisor', passphrase: 'vigie-supervisor-2024', desk: 'D1' });
  await meanwhile();
  await page.reload();
  await page.getByTestId('operator').waitFor({ timeout: 60_000 });
}

const incident = (title: string) => ({
  category: 'unattended_bag',
  priority: 2,
  title,
  source: 'cctv',
  locationText: 'Pont Neuf, north end',
});

const rows = (page: Page) => page.locator('[data-testid="journal-row"]');
const rowActions = (page: Page) =>
  rows(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.action ?? ''));

async function filterByAction(page: Page, action: string): Promise<void> {
  await page.getByTestId('journal-filter-action').fill(action);
  await page.getByTestId('journal-apply').click();
  await expect.poll(async () => [...new Set(await rowActions(page))], { timeout: 15_000 }).toEqual([action]);
}

describe('journal viewer', () => {
  beforeAll(() => open());
  afterAll(close);
  const titles = ['Sac abandonné quai de Conti', 'Drone au-dessus du Trocadéro'];

  it('is offered to a supervisor once signed in, and opens with the chain status on top', async () => {
    const { page } = ui;
    await signInAsSupervisor(page, async () => {
      for (const title of titles) await call<Incident>(page, 'createIncident', incident(title));
    });

    await page.getByTestId('open-journal').click();
    const viewer = page.getByTestId('journal-viewer');
    await viewer.waitFor();
    const chain = page.getByTestId('journal-chain-status');
    expect(await chain.getAttribute('data-ok')).toBe('true');
    expect(await chain.innerText()).toMatch(/Journal chain intact/);
    await rows(page).first().waitFor();
    const [newest] = await call<JournalEntry[]>(page, 'listJournal', { limit: 1 });
    expect(await rows(page).first().getAttribute('data-seq')).toBe(String(newest?.seq));
    expect(await rows(page).count()).toBe(50);
  });

  it('filters by action: only those entries, each with operator, role, desk and a summary', async () => {
    const { page } = ui;
    await filterByAction(page, 'incident.created');
    const expected = await call<JournalEntry[]>(page, 'listJournal', {
      action: 'incident.created',
      limit: 50,
    });
    expect(
      await rows(page).evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.seq))),
    ).toEqual(expected.map((e) => e.seq));
    const first = await rows(page).nth(0).innerText();
    const second = await rows(page).nth(1).innerText();
    expect(first).toContain(titles[1]);
    expect(second).toContain(titles[0]);
    for (const text of [first, second]) {
      expect(text).toContain('Demo supervisor');
      expect(text).toContain('Supervisor');
      expect(text).toContain('D1');
      expect(text).toContain('priority: 2');
    }
    // Fresh verification on request: the whole chain, counted.
    await page.getByTestId('journal-verify').click();
    await expect
      .poll(() => page.getByTestId('journal-chain-status').innerText(), { timeout: 30_000 })
      .toMatch(/Journal chain intact: \d+ entries verified/);
    await page.screenshot({ path: artifact('journal-viewer-en.png') });
  });

  it('names the field of a bad filter, and clears back to the whole journal', async () => {
    const { page } = ui;
    await page.getByTestId('journal-filter-from').fill('2024-07-26T20:00');
    await page.getByTestId('journal-filter-to').fill('2024-07-26T19:00');
    await page.getByTestId('journal-apply').click();
    const to = page.getByTestId('journal-filter-to');
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('journal-error').innerText()).toMatch(/to: must be later than from/);
    await page.getByTestId('journal-clear').click();
    await expect.poll(() => page.getByTestId('journal-filter-action').inputValue()).toBe('');
    await expect.poll(async () => new Set(await rowActions(page)).size).toBeGreaterThan(1);
    expect(await to.getAttribute('aria-invalid')).toBeNull();
  });

  it('speaks French', async () => {
    const { page } = ui;
    await page.keyboard.press('Escape');
    await page.getByTestId('journal-viewer').waitFor({ state: 'detached' });
    await page.getByTestId('lang-fr').click();
    await page.getByTestId('open-journal').click();
    await page.getByTestId('journal-viewer').waitFor();
    await filterByAction(page, 'incident.created');
    expect(await page.getByTestId('journal-apply').innerText()).toBe('Appliquer');
    expect(await page.getByTestId('journal-chain-status').innerText()).toMatch(/Chaîne du journal intacte/);
    expect(await rows(page).nth(0).innerText()).toContain('Superviseur');
    await page.screenshot({ path: artifact('journal-viewer-fr.png') });
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});

describe('journal viewer on a tampered journal', () => {
  const TAMPERED = 5;
  beforeAll(async () => {
    const db = tempDb();
    const seed = spawnSync(
      process.execPath,
      [join(paths.root, 'electron/bin/vigie.mjs'), 'seed', '--db', db],
      {
        encoding: 'utf8',
      },
    );
    expect(seed.status, seed.stderr).toBe(0);
    // A tamperer with the file: the trigger dropped, one entry's data rewritten.
    const raw = new Database(db);
    raw.exec('DROP TRIGGER journal_no_update');
    raw.prepare(`UPDATE journal SET data = '{"tampered":true}' WHERE seq = ?`).run(TAMPERED);
    raw.close();
    await open(db);
  });
  afterAll(close);

  it('says on top where the chain breaks, shows that entry, and a fresh check agrees', async () => {
    const { page } = ui;
    await signInAsSupervisor(page);
    await page.getByTestId('open-journal').click();
    const chain = page.getByTestId('journal-chain-status');
    await chain.waitFor();
    expect(await chain.getAttribute('data-ok')).toBe('false');
    expect(await chain.innerText()).toContain(`Journal chain broken at entry #${TAMPERED}`);
    await page.getByTestId('journal-chain-show').click();
    await expect.poll(() => rows(page).first().getAttribute('data-seq')).toBe(String(TAMPERED));
    expect(await rows(page).first().innerText()).toContain('tampered: true');
    await page.getByTestId('journal-verify').click();
    await expect
      .poll(() => chain.innerText(), { timeout: 30_000 })
      .toMatch(new RegExp(`broken at entry #${TAMPERED} — content does not match its hash · checked at`));
    await page.screenshot({ path: artifact('journal-viewer-broken.png') });
  });
});
