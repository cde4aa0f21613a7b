// Exchange with partners' tools from the console, in Chromium against `vigie serve` at 1920×1080:
// Settings → Exchange, a KML of everything downloaded (read back with togeojson: units, incidents,
// zones, the file's marking), then a partner's KML imported (checked first, a bad file refused with
// its problems listed, then confirmed); English and French screenshots.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Zone } from '../../shared/domain.js';
import { readKmlFile } from '../support/exchange-read.js';
import { tempDir } from '../support/temp.js';
import {
  artifact,
  closeDesk,
  hostApi,
  openConsole,
  serve,
  signInFromPage,
  type Console,
  type HostApi,
  type Served,
} from './harness.js';

let served: Served;
let ui: Console;
let api: HostApi;

beforeAll(async () => {
  served = await serve();
  ui = await openConsole(served.url, { viewport: { width: 1920, height: 1080 } });
  await signInFromPage(ui.page, 'officer', 'D1');
  api = hostApi(served.url, 'officer', 'D1');
});
afterAll(() => closeDesk({ served, ui }));

const partnerKml = (second: string) => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Checkpoint Alpha</name><Point><coordinates>2.2945,48.8584</coordinates></Point></Placemark>
<Placemark><name>Fan zone Trocadéro</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${second}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>`;
const GOOD = '2.287,48.861 2.291,48.861 2.291,48.863 2.287,48.863 2.287,48.861';
const CROSSING = '2.287,48.861 2.291,48.863 2.291,48.861 2.287,48.863 2.287,48.861';

describe('the Exchange dialog', () => {
  it('downloads a KML of what the desk sees, with its marking', async () => {
    const { page } = ui;
    await page.getByTestId('open-settings').click();
    await page.getByTestId('open-exchange').waitFor();
    await page.screenshot({ path: artifact('exchange-settings-en.png') });
    await page.getByTestId('open-exchange').click();
    const dialog = page.getByTestId('exchange-dialog');
    await dialog.waitFor();
    await page.getByTestId('exchange-what').selectOption('all');
    await page.getByTestId('exchange-format').selectOption('kml');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('exchange-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^vigie-all-\d{8}-\d{4}\.kml$/);
    const fc = readKmlFile(readFileSync(await download.path(), 'utf8'));
    const layers = new Set(fc.features.map((f) => f.properties?.layer));
    expect(layers).toEqual(new Set(['unit', 'incident', 'zone']));
    const zones = await api<Zone[]>('listZones', {});
    expect(fc.features.filter((f) => f.properties?.layer === 'zone').length).toBe(zones.length);
    const status = page.getByTestId('exchange-exported');
    await status.waitFor();
    expect(await status.innerText()).toMatch(/items written to vigie-all-.*\.kml\. RELEASABLE TO/);
    // CSV of everything is not offered: one table per file.
    await page.getByTestId('exchange-format').selectOption('csv');
    expect(await page.getByTestId('exchange-download').isDisabled()).toBe(true);
    await page.getByTestId('exchange-format').selectOption('cot');
    await page.screenshot({ path: artifact('exchange-export-en.png') });
  });

  it('refuses a bad partner file with its problems, then imports a good one after the check', async () => {
    const { page } = ui;
    const dir = tempDir();
    const bad = join(dir, 'partner-bad.kml');
    const good = join(dir, 'partner.kml');
    writeFileSync(bad, partnerKml(CROSSING));
    writeFileSync(good, partnerKml(GOOD));
    const before = (await api<Zone[]>('listZones', {})).length;

    await page.getByTestId('exchange-import-file').setInputFiles(bad);
    const error = page.getByTestId('exchange-import-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(
      /partner-bad\.kml: feature 1 \("Fan zone Trocadéro"\): the polygon crosses itself/,
    );
    await page.screenshot({ path: artifact('exchange-import-refused-en.png') });
    expect((await api<Zone[]>('listZones', {})).length).toBe(before);

    await page.getByTestId('exchange-import-file').setInputFiles(good);
    const summary = page.getByTestId('exchange-import-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(
      /partner\.kml: 2 to create, 0 to update, 0 unchanged \(1 from points\)/,
    );
    await page.screenshot({ path: artifact('exchange-import-check-en.png') });
    expect((await api<Zone[]>('listZones', {})).length).toBe(before);
    await page.getByTestId('exchange-import-confirm').click();
    await page.getByTestId('exchange-import-done').waitFor();
    const names = (await api<Zone[]>('listZones', {})).map((z) => z.name);
    expect(names).toEqual(expect.arrayContaining(['Checkpoint Alpha', 'Fan zone Trocadéro']));
  });

  it('reads in French', async () => {
    const { page } = ui;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-fr').click();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('open-exchange').click();
    await page.getByTestId('exchange-dialog').waitFor();
    expect(await page.getByTestId('exchange-dialog').innerText()).toMatch(
      /Échange avec les outils partenaires/,
    );
    await page.getByTestId('exchange-format').selectOption('geojson');
    await Promise.all([page.waitForEvent('download'), page.getByTestId('exchange-download').click()]);
    await page.getByTestId('exchange-exported').waitFor();
    const dir = tempDir();
    const bad = join(dir, 'partenaire.kml');
    writeFileSync(bad, partnerKml(CROSSING));
    await page.getByTestId('exchange-import-file').setInputFiles(bad);
    await page.getByTestId('exchange-import-error').waitFor();
    await page.screenshot({ path: artifact('exchange-fr.png') });
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
