// The desk lock end to end, in Chromium against `vigie serve`: the officer locks the desk from the
// top bar; the lock screen hides every operational view and says who locked it and when; a reload
// keeps it locked; another name is refused; the right name resumes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, closeDesk, openSignedInDesk, type Console, type HostApi, type Served } from './harness.js';

let served: Served;
let ui: Console;
let api: HostApi;

beforeAll(async () => ({ served, ui, api } = await openSignedInDesk()));
afterAll(() => closeDesk({ served, ui }));

const firstUnit = '[data-testid="unit-row"]';

describe('the desk lock', () => {
  it('locks from the top bar: the lock screen hides the operational views', async () => {
    const { page } = ui;
    expect(await page.locator(firstUnit).first().isVisible()).toBe(true);
    await page.getByTestId('lock-desk').click();
    const screen = page.getByTestId('lock-screen');
    await screen.waitFor();
    expect(await page.getByTestId('lock-by').innerText()).toMatch(/^Locked by Camille Durand at \d\d:\d\d$/);
    expect(await page.locator(firstUnit).first().isVisible()).toBe(false);
    expect(await page.getByTestId('map').isVisible()).toBe(false);
    expect(await page.getByTestId('operator').isVisible()).toBe(false);
    const session = await api<{ lock: { locked: boolean } }>('getSession', {});
    expect(session.lock.locked).toBe(true);
    await page.screenshot({ path: artifact('lock.png') });
  });

  it('stays locked after a reload', async () => {
    const { page } = ui;
    await page.reload();
    await page.getByTestId('lock-screen').waitFor();
    expect(await page.getByTestId('lock-by').innerText()).toContain('Camille Durand');
  });

  it('refuses another name, and resumes with the right one', async () => {
    const { page } = ui;
    await page.getByTestId('lock-name').fill('Someone Else');
    await page.getByTestId('lock-resume').click();
    await expect.poll(() => page.getByTestId('lock-error').innerText()).toContain('Only Camille Durand');
    expect(await page.getByTestId('lock-screen').isVisible()).toBe(true);

    await page.getByTestId('lock-name').fill('Camille Durand');
    await page.getByTestId('lock-resume').click();
    await expect.poll(() => page.getByTestId('lock-screen').count()).toBe(0);
    await expect.poll(() => page.locator(firstUnit).first().isVisible()).toBe(true);
    expect(await page.getByTestId('operator').innerText()).toContain('Camille Durand');
    const session = await api<{ lock: { locked: boolean } }>('getSession', {});
    expect(session.lock.locked).toBe(false);
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
