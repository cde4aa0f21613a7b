// "Open room…" in the console, in Chromium against `vigie serve`, with a stand-in desktop bridge:
// `window.vigieDesktop` injected before the page loads, its room calls recorded in the test and
// answered with canned results (no Electron binary here; the main-process side is tested in
// test/integration/room-open.test.ts). The dialog checks both fields (English and French messages
// naming the field), sends exactly the typed values to Test and Open, shows what the test found,
// and after opening offers "Return to my local file". A browser without the bridge never shows the
// button. Screenshots (1920×1080, English and French) go to test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifact, openConsole, signInFromPage, type Console, type Served, serve } from './harness.js';

const FULL_HD = { width: 1920, height: 1080 };
const PINNED = Array.from({ length: 32 }, () => 'AA').join(':');
const PRESENTED = Array.from({ length: 32 }, () => '3F').join(':');
const ROOM = 'https://room.joc.local:8443';

interface Recorded {
  name: string;
  args: unknown[];
}

let served: Served;
let ui: Console;
const calls: Recorded[] = [];

/** The stand-in bridge: what the preload exposes, each call recorded, canned answers. */
function installBridge({ pinned, presented }: { pinned: string; presented: string }) {
  const record = (window as unknown as { __recordRoomCall(c: unknown): Promise<void> }).__recordRoomCall;
  const opened = () => sessionStorage.getItem('stub.room');
  const view = () => {
    const room = opened();
    const recent = room
      ? [{ ...(JSON.parse(room) as object), name: 'Paris 2024 — JOC', openedAt: '2026-12-06T21:00:00.000Z' }]
      : [];
    return { open: room ? JSON.parse(room) : null, recent };
  };
  (window as unknown as { vigieDesktop: unknown }).vigieDesktop = Object.freeze({
    async testRoom(address: { url: string; fingerprint: string }) {
      await record({ name: 'testRoom', args: [address] });
      const url = 'https://room.joc.local:8443/';
      if (address.fingerprint.replace(/:/g, '').toUpperCase() === pinned.replace(/:/g, ''))
        return {
          reached: true,
          url,
          fingerprint: pinned,
          operation: { name: 'Paris 2024 — JOC', mode: 'exercise' },
          journalOk: true,
        };
      const fingerprint = address.fingerprint;
      const detail = `the room server at ${url} is not the pinned one: its certificate's SHA-256 fingerprint is ${presented}, the pinned fingerprint is ${fingerprint}`;
      return { reached: false, url, fingerprint, reason: 'pin-mismatch', presented, detail };
    },
    async openRoom(address: { url: string; fingerprint: string }) {
      await record({ name: 'openRoom', args: [address] });
      const value = { url: 'https://room.joc.local:8443/', fingerprint: pinned };
      sessionStorage.setItem('stub.room', JSON.stringify(value));
      return value;
    },
    async leaveRoom() {
      await record({ name: 'leaveRoom', args: [] });
      sessionStorage.removeItem('stub.room');
      return view();
    },
    async recentRooms() {
      await record({ name: 'recentRooms', args: [] });
      return view();
    },
  });
}

beforeAll(async () => {
  served = await serve();
  ui = await openConsole(served.url, { viewport: FULL_HD });
  await ui.page.exposeFunction('__recordRoomCall', (c: Recorded) => void calls.push(c));
  await ui.context.addInitScript(installBridge, { pinned: PINNED, presented: PRESENTED });
  await ui.page.reload();
});
afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

const dialog = (page: Page) => page.getByTestId('open-room-dialog');
const sent = (name: string) => calls.filter((c) => c.name === name).map((c) => c.args[0]);

async function openDialog(page: Page) {
  await page.getByTestId('open-room').click();
  await dialog(page).waitFor();
}

async function fill(page: Page, url: string, fingerprint: string) {
  await page.getByTestId('room-url').fill(url);
  await page.getByTestId('room-fingerprint').fill(fingerprint);
}

describe('Open room… (desktop bridge present)', () => {
  it('checks both fields in English before calling the bridge, then tests and opens with the typed values', async () => {
    const { page } = ui;
    await page.getByTestId('signin-screen').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('leave-room').count()).toBe(0);
    await openDialog(page);

    await page.getByTestId('room-open').click();
    expect(await page.getByTestId('room-url-error').innerText()).toBe('Room address: required');
    expect(await page.getByTestId('room-fingerprint-error').innerText()).toBe(
      'Certificate fingerprint (SHA-256): required',
    );
    await fill(page, 'http://room.joc.local:8443', 'AB:CD:EF');
    await page.getByTestId('room-test').click();
    expect(await page.getByTestId('room-url-error').innerText()).toBe(
      'Room address: a room is reached over https:// only',
    );
    expect(await page.getByTestId('room-fingerprint-error').innerText()).toMatch(
      /^Certificate fingerprint \(SHA-256\): expected the SHA-256 fingerprint, 64 hexadecimal digits/,
    );
    await fill(page, `${ROOM}/api`, PINNED);
    await page.getByTestId('room-test').click();
    expect(await page.getByTestId('room-url-error').innerText()).toMatch(/^Room address: the server alone/);
    expect(await page.getByTestId('room-fingerprint-error').count()).toBe(0);
    // Nothing invalid reached the bridge.
    expect(sent('testRoom')).toEqual([]);
    expect(sent('openRoom')).toEqual([]);

    // A wrong pin: the test names both fingerprints.
    const wrong = PRESENTED.replace(/3F/g, '12');
    await fill(page, ROOM, wrong);
    await page.getByTestId('room-test').click();
    const probe = page.getByTestId('room-probe');
    await expect.poll(() => probe.getAttribute('data-reached')).toBe('false');
    expect(sent('testRoom')).toEqual([{ url: ROOM, fingerprint: wrong }]);
    const said = await probe.innerText();
    expect(said).toContain(`the server presented ${PRESENTED}, but the pinned fingerprint is ${wrong}`);
    await page.screenshot({ path: artifact('open-room-en.png') });

    // The right one, typed without colons in lower case: sent as typed; the main process normalises.
    const typed = PINNED.replace(/:/g, '').toLowerCase();
    await fill(page, ROOM, typed);
    await page.getByTestId('room-test').click();
    await expect.poll(() => probe.getAttribute('data-reached')).toBe('true');
    expect(await probe.innerText()).toContain('Connected: Paris 2024 — JOC (exercise)');
    expect(sent('testRoom').at(-1)).toEqual({ url: ROOM, fingerprint: typed });

    await page.getByTestId('room-open').click();
    expect(sent('openRoom')).toEqual([{ url: ROOM, fingerprint: typed }]);
    // The console reloads on the room: the sign-in screen again, now with the way back.
    await page.getByTestId('leave-room').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('room-current').innerText()).toBe('Room room.joc.local:8443');
    expect(await dialog(page).count()).toBe(0);
  });

  it('speaks French, offers the room opened before, and returns to the local file', async () => {
    const { page } = ui;
    await page.getByTestId('lang-fr').click();
    await expect.poll(() => page.getByTestId('open-room').innerText()).toBe('Ouvrir une salle…');
    await openDialog(page);
    // The room opened before fills the fields and is listed.
    expect(await page.getByTestId('room-url').inputValue()).toBe(`${ROOM}/`);
    expect(await page.getByTestId('room-recent').innerText()).toContain('Paris 2024 — JOC');
    await fill(page, 'salle-de-crise', '');
    await page.getByTestId('room-open').click();
    expect(await page.getByTestId('room-url-error').innerText()).toBe(
      'Adresse de la salle : ce n’est pas une adresse ; attendu https://hôte:port',
    );
    expect(await page.getByTestId('room-fingerprint-error').innerText()).toBe(
      'Empreinte du certificat (SHA-256) : obligatoire',
    );
    await page.getByTestId('room-recent').getByRole('button').first().click();
    await page.getByTestId('room-test').click();
    const probe = page.getByTestId('room-probe');
    await expect.poll(() => probe.getAttribute('data-reached')).toBe('true');
    expect(await probe.innerText()).toContain('Connecté : Paris 2024 — JOC (exercice)');
    expect(sent('testRoom').at(-1)).toEqual({ url: `${ROOM}/`, fingerprint: PINNED });
    await page.screenshot({ path: artifact('open-room-fr.png') });

    await page.keyboard.press('Escape');
    await page.getByTestId('leave-room').click();
    await expect.poll(() => sent('leaveRoom').length).toBe(1);
    await page.getByTestId('open-room').waitFor();
    await expect.poll(() => page.getByTestId('leave-room').count()).toBe(0);
    await page.getByTestId('lang-en').click();
  });

  it('is in the top bar once signed in', async () => {
    const { page } = ui;
    await signInFromPage(page, 'officer', 'D1');
    expect(await page.locator('.topbar [data-testid="open-room"]').innerText()).toBe('Open room…');
  });
});

describe('a browser on the host (no desktop bridge)', () => {
  it('never offers to open a room', async () => {
    const plain = await openConsole(served.url);
    try {
      await plain.page.getByTestId('signin-screen').waitFor({ timeout: 60_000 });
      await plain.page.getByTestId('signin-submit').waitFor();
      expect(await plain.page.getByTestId('open-room').count()).toBe(0);
      expect(plain.offMachine).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
