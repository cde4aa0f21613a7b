// A supervisor sends the picture to the room's TAK server from the console (Settings → Exchange):
// `vigie serve --tak` points at a listener on 127.0.0.1 that parses what arrives with node-cot; the
// console follows the send until it has gone. English and French screenshots at 1920×1080.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCot } from '../support/exchange-read.js';
import { tempDb } from '../support/temp.js';
import {
  artifact,
  closeDesk,
  openConsole,
  serve,
  signInFromPage,
  type Console,
  type Served,
} from './harness.js';

let served: Served;
let ui: Console;
let tak: Server;
const received: string[] = [];

beforeAll(async () => {
  tak = createServer((socket: Socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.on('end', () => received.push(text));
  });
  await new Promise<void>((r) => tak.listen(0, '127.0.0.1', r));
  const port = (tak.address() as AddressInfo).port;
  served = await serve(tempDb(), ['--tak', `127.0.0.1:${port}`]);
  ui = await openConsole(served.url, { viewport: { width: 1920, height: 1080 } });
  await signInFromPage(ui.page, 'supervisor', 'SUP');
});
afterAll(async () => {
  await closeDesk({ served, ui });
  tak.close();
});

describe("sending to the room's TAK server from the console", () => {
  it('sends what every partner may see and says when it has gone', async () => {
    const { page } = ui;
    await page.getByTestId('open-settings').click();
    await page.getByTestId('open-exchange').click();
    const section = page.getByTestId('exchange-tak');
    await section.waitFor();
    expect(await page.getByTestId('exchange-tak-server').innerText()).toMatch(
      /TAK server: 127\.0\.0\.1:\d+ \(TCP\)/,
    );
    await page.getByTestId('exchange-tak-what').selectOption('all');
    await page.getByTestId('exchange-tak-audience').selectOption('ALL');
    await page.getByTestId('exchange-tak-send').click();
    await page.locator('[data-testid="exchange-tak-status"][data-state="sent"]').waitFor();
    const status = await page.getByTestId('exchange-tak-status').innerText();
    const count = Number(/(\d+) events? sent/.exec(status)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(status).toMatch(/RELEASABLE TO ALL PARTNERS|RELEASABLE/);
    // What arrived is what the console says went: every event valid CoT.
    for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(readCot(received[0] ?? '').length).toBe(count);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact('exchange-tak-en.png') });
  });

  it('reads in French', async () => {
    const { page } = ui;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-fr').click();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('open-exchange').click();
    await page.getByTestId('exchange-tak').waitFor();
    expect(await page.getByTestId('exchange-tak').innerText()).toMatch(/Envoyer au serveur TAK de la salle/);
    await page.getByTestId('exchange-tak').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact('exchange-tak-fr.png') });
  });
});
