// Street names from the operator's vector base map, through the contract on both engines: with a
// tile file of each schema (Protomaps, OpenMapTiles) in each format (MBTiles, PMTiles) loaded, a
// point by Rue de Rivoli is named after it, the report says so too, and the map's search finds the
// street; without a base map the same point falls back to the zone it lies in.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { basemapSlot, type BasemapSlot } from '../../electron/tiles/slot.js';
import { renderMarkdown } from '../../shared/report/markdown.js';
import { testApp } from '../support/app.js';
import { tempDir } from '../support/temp.js';
import { addPerson, signInAs } from '../support/sign-in.js';
import { STREET, writeVectorTileFile, type TileSchemaName } from '../support/vector-tiles.js';

const slots: BasemapSlot[] = [];
afterEach(() => {
  while (slots.length) slots.pop()?.close();
});

// 20 m north of Rue de Rivoli's middle vertex, more than 300 m from every bridge and venue.
const BY_RIVOLI = { lat: STREET.middle[1] + 20 / 111_195, lon: STREET.middle[0] };

function supervised() {
  const t = testApp();
  slots.push(basemapSlot(t.app.db));
  signInAs(t.call, addPerson(t.app.ctx, 'Cdt. Léa Martin', 'supervisor'), 'SUP');
  return t;
}

describe.each([
  ['protomaps', 'mbtiles'],
  ['openmaptiles', 'pmtiles'],
  ['protomaps', 'pmtiles'],
  ['openmaptiles', 'mbtiles'],
] as [TileSchemaName, string][])('street names from a %s %s base map', (schema, format) => {
  it('names a point after the street, in the incident, the report and the search', () => {
    const t = supervised();
    // The exercise's sector zone the point lies in, until the map knows the street.
    const sector = { kind: 'zone', name: 'Sector Seine-Ouest (Pont Neuf – Trocadéro)' };
    expect(t.call('namePlace', BY_RIVOLI).place).toMatchObject(sector);
    const early = t.call('createIncident', {
      category: 'disorder',
      priority: 3,
      title: 'Shouting at the arcade',
      source: 'radio',
      ...BY_RIVOLI,
    });
    const boardPlace = () =>
      t.call('listIncidentPage', { limit: 200 }).rows.find((i) => i.id === early.id)?.place;
    expect(boardPlace()).toMatchObject(sector);
    const file = join(tempDir(), `paris.${format}`);
    writeVectorTileFile(file, schema);
    t.call('setBasemap', { path: file });
    // The board's names kept for its points give way to the loaded map's streets.
    expect(boardPlace()).toMatchObject({ kind: 'street', name: STREET.name });

    const named = t.call('namePlace', BY_RIVOLI).place;
    expect(named).toMatchObject({ kind: 'street', name: STREET.name });
    expect(named?.distanceM).toBeGreaterThan(10);
    expect(named?.distanceM).toBeLessThan(30);
    const created = t.call('createIncident', {
      category: 'disorder',
      priority: 3,
      title: 'Scuffle at the arcade',
      source: 'radio',
      ...BY_RIVOLI,
    });
    expect(t.call('listIncidents', {}).find((i) => i.id === created.id)?.place?.name).toBe(STREET.name);
    t.real.advance(60_000);
    const report = t.call('previewHandover', {
      from: created.createdAt,
      to: new Date(Date.parse(created.createdAt) + 30_000).toISOString(),
      incomingName: 'Lt. Marc Dubois',
      pendingActions: [],
      lang: 'fr',
    });
    expect(renderMarkdown(report)).toMatch(/Rue de Rivoli, [12]0 m/);

    const found = t.call('findStreets', { text: 'rivoli', ...BY_RIVOLI });
    expect(found.map((s) => s.name)).toEqual([STREET.name]);
    expect(t.call('findStreets', { text: 'champs', ...BY_RIVOLI })).toEqual([]);
    // Back to the built-in map: no streets.
    t.call('setBasemap', { path: null });
    expect(t.call('namePlace', BY_RIVOLI).place).toMatchObject(sector);
    expect(t.call('findStreets', { text: 'rivoli', ...BY_RIVOLI })).toEqual([]);
  });
});
