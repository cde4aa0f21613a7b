// The desktop base map picker on a real Vigie (temp database), with a stand-in for the native
// dialog: the picked file goes through the desk's setBasemap call, so it needs a signed-in
// supervisor, is journaled with its path, and a file that is not tiles is refused with the reason.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { pickBasemapFile, setBasemapVia, type OpenDialog } from '../../electron/basemap-picker.js';
import { basemapSlot, type BasemapSlot } from '../../electron/tiles/slot.js';
import { writeMbtiles } from '../fixtures/tiles/write.js';
import { tempDir } from '../support/temp.js';
import { testApp } from '../support/app.js';
import { addPerson, signInAs } from '../support/sign-in.js';

const slots: BasemapSlot[] = [];
afterEach(() => {
  while (slots.length) slots.pop()?.close();
});

const picks =
  (path: string): OpenDialog =>
  () =>
    Promise.resolve({ canceled: false, filePaths: [path] });

describe('pickBasemapFile on a real desk', () => {
  it('loads the picked file with setBasemap, journaled under the operator, with its path', async () => {
    const t = testApp();
    slots.push(basemapSlot(t.app.db));
    const file = join(tempDir(), 'paris.mbtiles');
    writeMbtiles(file, [{ z: 0, x: 0, y: 0, data: gzipSync(Buffer.from('tile')) }], {
      name: 'Paris',
      format: 'pbf',
    });
    const set = setBasemapVia(t.app.handlers, t.desk);

    const anonymous = await pickBasemapFile(picks(file), set);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // Loading a base map is a supervisor's call: a watch officer is refused.
    signInAs(t.call, 'officer', 'MAP');
    const officer = await pickBasemapFile(picks(file), set);
    expect(officer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.call('getBasemap', {}).basemap).toBeNull();

    signInAs(t.call, addPerson(t.app.ctx, 'Lt. Marc Dubois', 'supervisor'), 'MAP');
    const r = await pickBasemapFile(picks(file), set);
    expect(r).toMatchObject({ ok: true, value: { canceled: false, basemap: { file: 'paris.mbtiles' } } });
    expect(t.call('getBasemap', {}).basemap?.name).toBe('Paris');
    const [entry] = t.call('listJournal', { limit: 1 });
    expect(entry).toMatchObject({ action: 'basemap.loaded', operator: 'Lt. Marc Dubois' });
    expect(entry?.data).toMatchObject({ path: file, format: 'mbtiles' });

    const notes = join(tempDir(), 'notes.pmtiles');
    writeFileSync(notes, 'not a tile file');
    const bad = await pickBasemapFile(picks(notes), set);
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^setBasemap: /) as unknown },
    });
    expect(t.call('getBasemap', {}).basemap?.file).toBe('paris.mbtiles');
  });
});
