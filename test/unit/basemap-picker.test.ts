// The desktop base map picker without Electron: electron/basemap-picker.ts with a stand-in for
// dialog.showOpenDialog and for setBasemap, and the renderer's detection of the desktop bridge
// (the "Choose file…" button only where the preload put it; a typed path otherwise).
import { describe, expect, it, vi } from 'vitest';
import {
  BASEMAP_DIALOG,
  pickBasemapFile,
  type OpenDialog,
  type SetBasemap,
} from '../../electron/basemap-picker.js';
import type { BasemapInfo } from '../../shared/api/map.js';

const INFO = { format: 'pmtiles', file: 'idf.pmtiles', name: 'IdF', kind: 'vector' } as BasemapInfo;

const dialog = (answer: { canceled: boolean; filePaths: string[] }) =>
  vi.fn<OpenDialog>(() => Promise.resolve(answer));

describe('pickBasemapFile', () => {
  it('offers only .pmtiles and .mbtiles files, one at a time', async () => {
    const open = dialog({ canceled: true, filePaths: [] });
    await pickBasemapFile(open, vi.fn<SetBasemap>());
    expect(open).toHaveBeenCalledWith(BASEMAP_DIALOG);
    expect(BASEMAP_DIALOG.properties).toEqual(['openFile']);
    expect(BASEMAP_DIALOG.filters.flatMap((f) => f.extensions).sort()).toEqual(['mbtiles', 'pmtiles']);
  });

  it('loads the picked file through setBasemap, with its path', async () => {
    const set = vi.fn<SetBasemap>(() => ({ ok: true, value: { basemap: INFO } }));
    const r = await pickBasemapFile(dialog({ canceled: false, filePaths: ['/maps/idf.pmtiles'] }), set);
    expect(set).toHaveBeenCalledExactlyOnceWith('/maps/idf.pmtiles');
    expect(r).toEqual({ ok: true, value: { canceled: false, basemap: INFO } });
  });

  it('changes nothing when the dialog is cancelled', async () => {
    const set = vi.fn<SetBasemap>();
    for (const answer of [
      { canceled: true, filePaths: ['/maps/idf.pmtiles'] },
      { canceled: false, filePaths: [] },
    ]) {
      expect(await pickBasemapFile(dialog(answer), set)).toEqual({ ok: true, value: { canceled: true } });
    }
    expect(set).not.toHaveBeenCalled();
  });

  it("passes setBasemap's refusal on as it is, and reports a failing dialog", async () => {
    const error = { code: 'invalid_input' as const, message: 'setBasemap: not a tile file' };
    const refused = await pickBasemapFile(
      dialog({ canceled: false, filePaths: ['/maps/notes.mbtiles'] }),
      () => ({ ok: false, error }),
    );
    expect(refused).toEqual({ ok: false, error });
    const broken = await pickBasemapFile(() => Promise.reject(new Error('no display')), vi.fn<SetBasemap>());
    expect(broken).toEqual({
      ok: false,
      error: { code: 'internal', message: 'pickBasemapFile: no display' },
    });
  });
});

describe('the desktop bridge in the renderer', () => {
  interface Desktop {
    desktopBridge(scope: { vigieDesktop?: unknown }): unknown;
  }
  /** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
  const load = async () => {
    const path = '../../renderer/desktop.ts';
    return (await import(/* @vite-ignore */ path)) as Desktop;
  };

  it('is found only where the preload exposed pickBasemapFile (the browser host has none)', async () => {
    const { desktopBridge } = await load();
    const bridge = { pickBasemapFile: () => Promise.resolve({ canceled: true }) };
    expect(desktopBridge({ vigieDesktop: bridge })).toBe(bridge);
    expect(desktopBridge({})).toBeNull();
    expect(desktopBridge({ vigieDesktop: null })).toBeNull();
    expect(desktopBridge({ vigieDesktop: { pickBasemapFile: '/etc/passwd' } })).toBeNull();
  });
});
