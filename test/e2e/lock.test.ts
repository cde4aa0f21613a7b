// The desk lock end to end, in Chromium against `vigie serve`: the officer locks the desk from the
// top bar; the lock screen hides every operational view and says who locked it and when; a reload
// keeps it locked; a wrong passphrase is refused; the officer's own passphrase resumes; and from
// the lock screen someone else can sign in instead, and the desk is theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/sign-in.js';
import {
  artifact,
  closeDesk,
  fillSignIn,
  openSignedInDesk,
  pageApi,
  type Console,
  type Served,
} from './harness.js';

let served: Served;
let ui: Console;

beforeAll(async () => ({ served, ui } = await openSignedInDesk('officer', 'D1')));
afterAll(() => closeDesk({ served, ui }));

const firstUnit = '[data-testid="unit-row"]';
/** For what waits on a passphrase check: the hash is slow on purpose, slower on a loaded machine. */
const SLOW = { timeout: 20_000 };
const officer = DEMO.officer.name;
/** The desk's lock as the page's own session sees it. */
const locked = async () =>
  (await pageApi<{ lock: { locked: boolean } }>(ui.page, 'getSession')).body.lock.locked;

describe('the desk lock', () => {
  it('locks from the top bar: the lock screen hides the operational views', async () => {
    const { page } = ui;
    expect(await page.locator(firstUnit).first().isVisible()).toBe(true);
    await page.getByTestId('lock-desk').click();
    const screen = page.getByTestId('lock-screen');
    await screen.waitFor();
    expect(await page.getByTestId('lock-by').innerText()).toMatch(
      new RegExp(`^Locked by ${officer} at \\d\\d:\\d\\d$`),
    );
    expect(await page.locator(firstUnit).first().isVisible()).toBe(false);
    expect(await page.getByTestId('map').isVisible()).toBe(false);
    expect(await page.getByTestId('operator').isVisible()).toBe(false);
    expect(await locked()).toBe(true);
    await page.screenshot({ path: artifact('lock.png') });
  });

  it('stays locked after a reload', async () => {
    const { page } = ui;
    await page.reload();
    await page.getByTestId('lock-screen').waitFor();
    expect(await page.getByTestId('lock-by').innerText()).toContain(officer);
  });

  it('refuses a wrong passphrase, and resumes with the officer’s own', async () => {
    const { page } = ui;
    await page.getByTestId('lock-passphrase').fill('not-the-passphrase');
    await page.getByTestId('lock-resume').click();
    await expect.poll(() => page.getByTestId('lock-error').innerText(), SLOW).toContain('not recognised');
    expect(await page.getByTestId('lock-screen').isVisible()).toBe(true);
    expect(await locked()).toBe(true);

    await page.getByTestId('lock-passphrase').fill(DEMO.officer.passphrase);
    await page.getByTestId('lock-resume').click();
    await expect.poll(() => page.getByTestId('lock-screen').count(), SLOW).toBe(0);
    await expect.poll(() => page.locator(firstUnit).first().isVisible(), SLOW).toBe(true);
    expect(await page.getByTestId('operator-name').innerText()).toBe(officer);
    expect(await locked()).toBe(false);
  });

  it('lets someone else sign in from the lock screen: the desk is then theirs', async () => {
    const { page } = ui;
    await page.getByTestId('lock-desk').click();
    await page.getByTestId('lock-screen').waitFor();
    await page.getByTestId('lock-other').click();
    await fillSignIn(page, 'supervisor', 'D1', 'lock-signin');
    await expect.poll(() => page.getByTestId('lock-screen').count(), SLOW).toBe(0);
    await expect.poll(() => page.getByTestId('operator-name').innerText(), SLOW).toBe(DEMO.supervisor.name);
    expect(await page.getByTestId('operator-role').innerText()).toBe('Supervisor');
    expect(await locked()).toBe(false);
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
