// An operator's vector tile file drawn as a street map, in Chromium against `vigie serve`: the test
// makes a small file of each schema (test/support/vector-tiles.ts: a Protomaps PMTiles archive, an
// OpenMapTiles MBTiles file), a supervisor loads it by path from the layers panel, and at street
// zoom the map renders Rue de Rivoli's name, the water, the park, the building, then the house
// number and the park's name closer in, under the operation's units, in both map themes and both
// languages, with no request leaving the machine. Screenshots at 1920×1080 in test-artifacts/:
// street-map-{protomaps,openmaptiles}-{dark,light}-{en,fr}.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  artifact,
  mapIdle,
  openConsole,
  serve,
  signInFromPage,
  type Console,
  type Served,
} from './harness.js';
import { jump, setMapTheme, type TestMap } from './map-helpers.js';
import { HOUSE, PARK, STREET, writeVectorTileFile, type TileSchemaName } from '../support/vector-tiles.js';

const FULL_HD = { width: 1920, height: 1080 };
const FILES: Record<TileSchemaName, string> = {
  protomaps: 'streets-protomaps.pmtiles',
  openmaptiles: 'streets-openmaptiles.mbtiles',
};
/** The source layers of the water, the park and the building in each schema. */
const FILLS: Record<TileSchemaName, string[]> = {
  protomaps: ['water', 'landuse', 'buildings'],
  openmaptiles: ['water', 'park', 'building'],
};
/** Between the street and the river, with the garden in view. */
const STREET_VIEW: [number, number] = [2.3305, 48.8628];

let served: Served;
// Not tempDir(): that is emptied after every test, and these files serve the whole file.
const dir = mkdtempSync(join(tmpdir(), 'vigie-street-'));
beforeAll(async () => {
  for (const schema of ['protomaps', 'openmaptiles'] as const)
    writeVectorTileFile(join(dir, FILES[schema]), schema);
  served = await serve();
});
afterAll(async () => {
  await served.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What the operator's layers render now: the names and numbers of its labels, its fills by source layer. */
function renderedBasemap(page: Page) {
  return page.evaluate(() => {
    const map = window.__vigieMap as TestMap & {
      getStyle(): { layers: { id: string; type: string; 'source-layer'?: string }[] };
    };
    const all = map.getStyle().layers;
    const own = all.filter((l) => l.id.startsWith('operator-basemap-'));
    const texts = new Set<string>();
    const labels = own.filter((l) => l.type === 'symbol').map((l) => l.id);
    for (const f of map.queryRenderedFeatures({ layers: labels })) {
      for (const k of ['name', 'housenumber', 'addr_housenumber']) {
        const v = f.properties[k];
        if (typeof v === 'string') texts.add(v);
      }
    }
    const fills: Record<string, number> = {};
    for (const l of own) {
      if (l.type !== 'fill' || !l['source-layer']) continue;
      const key = l['source-layer'];
      fills[key] = (fills[key] ?? 0) + map.queryRenderedFeatures({ layers: [l.id] }).length;
    }
    return {
      texts: [...texts],
      fills,
      // The operation's units are drawn above the base map (the map's canvas): by the units overlay,
      // laid over it, with the base map's layers in the style.
      unitsAbove:
        document.querySelector('[data-testid="unit-overlay"]')?.previousElementSibling === map.getCanvas() &&
        own.length > 0,
    };
  });
}

/** The layers panel's line under the file's name, per language. */
const SCHEMA_LINE = { en: 'Street map, ', fr: 'Plan des rues, schéma ' };
const SCHEMA_NAME: Record<TileSchemaName, string> = { protomaps: 'Protomaps', openmaptiles: 'OpenMapTiles' };

async function loadFile(page: Page, schema: TileSchemaName, lang: 'en' | 'fr'): Promise<void> {
  await page.getByTestId('layers-toggle').click();
  await page.getByTestId('basemap-path').fill(join(dir, FILES[schema]));
  await page.getByTestId('basemap-path').press('Enter');
  await expect
    .poll(() => page.getByTestId('basemap-current').innerText(), { timeout: 20_000 })
    .toContain(`Test streets (${schema})`);
  expect(await page.getByTestId('basemap-schema').innerText()).toContain(
    SCHEMA_LINE[lang] + SCHEMA_NAME[schema],
  );
  await page.screenshot({ path: artifact(`street-map-panel-${schema}-${lang}.png`) });
  await page.getByTestId('layers-toggle').click();
}

describe.each([
  ['en', 'en-GB'],
  ['fr', 'fr-FR'],
] as const)('the street map from an operator file (%s)', (lang, locale) => {
  let ui: Console;
  beforeAll(async () => {
    ui = await openConsole(served.url, { debug: true, locale, viewport: FULL_HD });
    await signInFromPage(ui.page, 'supervisor', `STREET-${lang}`);
    await mapIdle(ui.page, 20);
  });
  afterAll(async () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
    await ui.close();
  });

  describe.each(['protomaps', 'openmaptiles'] as const)('a %s file', (schema) => {
    it.each(['dark', 'light'] as const)(
      'in the %s theme: street names, water, park and buildings, under the units',
      async (theme) => {
        const { page } = ui;
        if (theme === 'dark') await loadFile(page, schema, lang);
        await setMapTheme(page, theme);
        await jump(page, STREET_VIEW, 15.6);
        await page.screenshot({ path: artifact(`street-map-${schema}-${theme}-${lang}.png`) });
        const street = await renderedBasemap(page);
        expect(street.texts).toContain(STREET.name);
        expect(street.unitsAbove).toBe(true);
        for (const layer of FILLS[schema]) expect(street.fills[layer], layer).toBeGreaterThan(0);
      },
    );

    it('closer in: the house number and the park’s name', async () => {
      const { page } = ui;
      await jump(page, HOUSE.at, 17.6);
      expect((await renderedBasemap(page)).texts).toContain(HOUSE.number);
      await jump(page, PARK.at, 16.5);
      expect((await renderedBasemap(page)).texts).toContain(PARK.name);
      await setMapTheme(page, 'dark');
    });
  });
});
