// Shift handover end to end, in Chromium against `vigie serve`: the officer opens the handover from
// the top bar, previews the report (rendered by the shared HTML renderer in a sandboxed frame), the
// incoming officer acknowledges it by signing in with their own login and passphrase (the content
// hash shows, the journal records it as theirs, the desk is theirs), and it is exported as PDF from
// the list of past handovers.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandoverSummary } from '../../shared/api/handover.js';
import type { JournalEntry } from '../../shared/domain.js';
import { DEMO } from '../support/sign-in.js';
import { artifact, closeDesk, openSignedInDesk, type Console, type HostApi, type Served } from './harness.js';

let served: Served;
let ui: Console;
let api: HostApi;
/** Another demo account of the exercise comes on watch. */
const incoming = DEMO.supervisor;

beforeAll(async () => ({ served, ui, api } = await openSignedInDesk()));
afterAll(() => closeDesk({ served, ui }));

describe('shift handover', () => {
  it('previews the report; the incoming officer acknowledges it by signing in; it is journaled', async () => {
    const { page } = ui;
    await page.getByTestId('open-handover').click();
    const dialog = page.getByTestId('handover-dialog');
    await dialog.waitFor();
    // Proposed in 24-hour text (the same in every language and browser locale), in operation time.
    await expect.poll(() => page.getByTestId('handover-from').inputValue()).toMatch(/^2024-07-26 \d\d:\d\d$/);
    const proposedTo = await page.getByTestId('handover-to').inputValue();
    expect(proposedTo).toMatch(/^2024-07-26 \d\d:\d\d$/);
    expect(await page.getByTestId('handover-window-hint').innerText()).toContain(
      '24-hour time, operation time (Europe/Paris)',
    );
    // A window ending in the future, or not a time, is refused before any call, saying why.
    await page.getByTestId('handover-to').fill('2024-07-27 23:30');
    await page.getByTestId('handover-preview').click();
    await expect
      .poll(() => page.getByTestId('handover-error').innerText())
      .toMatch(
        /^To: the window may not end in the future \(operation time is now 2024-07-26 \d\d:\d\d, Europe\/Paris\)/,
      );
    await page.getByTestId('handover-to').fill('26/07 9pm');
    await page.getByTestId('handover-preview').click();
    await expect
      .poll(() => page.getByTestId('handover-error').innerText())
      .toBe('To: write the date and the time as 2024-07-26 18:00 (24-hour).');
    await page.getByTestId('handover-to').fill(proposedTo);
    await page.getByTestId('handover-expected').fill(incoming.name);
    await page.getByTestId('handover-pending').fill('Call back the Spanish liaison\nCheck gate B rota');
    await page.getByTestId('handover-preview').click();
    const frame = page.frameLocator('[data-testid="handover-frame"]');
    await expect.poll(() => frame.locator('body').innerText(), { timeout: 15_000 }).toContain(incoming.name);
    expect(await frame.locator('body').innerText()).toContain('Call back the Spanish liaison');
    // Sandboxed: the report can run no script.
    expect(await page.getByTestId('handover-frame').getAttribute('sandbox')).not.toContain('allow-scripts');

    await page.getByTestId('handover-incoming-login').fill(incoming.login);
    await page.getByTestId('handover-incoming-passphrase').fill(incoming.passphrase);
    await page.getByTestId('handover-acknowledge').click();
    const done = page.getByTestId('handover-acknowledged');
    await done.waitFor();
    const hash = (await done.getAttribute('data-hash')) ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await done.innerText()).toContain(hash);
    // The desk is the incoming officer's now.
    await expect.poll(() => page.getByTestId('operator-name').innerText()).toBe(incoming.name);
    await page.screenshot({ path: artifact('handover.png') });

    const [stored] = await api<HandoverSummary[]>('listHandovers', {});
    expect(stored?.contentHash).toBe(hash);
    expect(stored?.incoming.name).toBe(incoming.name);
    const journal = await api<JournalEntry[]>('listJournal', { limit: 50 });
    const entry = journal.find((e) => e.seq === stored?.journalSeq);
    expect(entry?.action).toBe('handover.acknowledged');
    expect(entry?.operator).toBe(incoming.name);
  });

  it('exports an acknowledged handover as PDF from the list', async () => {
    const { page } = ui;
    const item = page.getByTestId('handover-item').first();
    await item.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByTestId('handover-export-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
