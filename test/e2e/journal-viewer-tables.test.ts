// A table edited behind the journal's back, seen from the console: the chain itself is intact (so
// the start-up check says nothing), and the supervisor's "Verify now" replays the journal's
// after-images and names the row that differs. Screenshots at 1920×1080 in English and French.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths, tempDb } from '../support/temp.js';
import { artifact, openConsole, serve, type Console, type Served } from './harness.js';

let served: Served;
let ui: Console;
let unitId = '';

describe('journal viewer on a table edited without a journal entry', () => {
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
    // Someone with the file sets a unit off duty with a plain UPDATE: no trigger stops it, no entry says it.
    const raw = new Database(db);
    const unit = raw.prepare("SELECT id FROM units WHERE status = 'available' ORDER BY id LIMIT 1").get() as {
      id: string;
    };
    unitId = unit.id;
    raw.prepare("UPDATE units SET status = 'off_duty' WHERE id = ?").run(unitId);
    raw.close();
    served = await serve(db);
    ui = await openConsole(served.url);
    await ui.page.setViewportSize({ width: 1920, height: 1080 });
  });
  afterAll(async () => {
    await ui?.close();
    await served?.stop();
  });

  it('the chain is intact at start-up; Verify now names the row, its table and column (en, fr)', async () => {
    const { page } = ui;
    await page.getByTestId('lang-en').waitFor({ timeout: 60_000 });
    await page.evaluate(async () => {
      const res = await fetch('/api/signIn', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'supervisor', passphrase: 'vigie-supervisor-2024', desk: 'D1' }),
      });
      if (!res.ok) throw new Error(`signIn: ${res.status}`);
    });
    await page.reload();
    await page.getByTestId('operator').waitFor({ timeout: 60_000 });
    await page.getByTestId('open-journal').click();
    const chain = page.getByTestId('journal-chain-status');
    await chain.waitFor();
    expect(await chain.getAttribute('data-ok')).toBe('true');

    await page.getByTestId('journal-verify').click();
    const tables = page.getByTestId('journal-tables-status');
    await tables.waitFor({ timeout: 30_000 });
    expect(await chain.getAttribute('data-ok')).toBe('false');
    // The headline does not say "intact" alone when the tables differ from the journal.
    expect(await chain.innerText()).toMatch(/^✗\s*Journal chain intact, but the database does not match it/);
    expect(await tables.innerText()).toMatch(
      new RegExp(
        `1 row differs from what the journal recorded: units ${unitId} differs from the journal in status`,
      ),
    );
    expect(await page.getByTestId('journal-schema-status').count()).toBe(0);
    await page.screenshot({ path: artifact('journal-viewer-tables-en.png') });

    // The language is switched from the top bar, behind the dialog: close it, switch, check again.
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-fr').click();
    await page.getByTestId('open-journal').click();
    await page.getByTestId('journal-verify').click();
    await expect
      .poll(() => tables.innerText(), { timeout: 30_000 })
      .toMatch(
        /1 ligne diffère de ce que le journal a enregistré: units .* differs from the journal in status/,
      );
    await page.screenshot({ path: artifact('journal-viewer-tables-fr.png') });
  });
});
