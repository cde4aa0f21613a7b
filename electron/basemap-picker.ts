// The desktop's "Choose file…" for the operator's base map: the native open dialog, then the same
// setBasemap call a typed path goes through (validation, journal, error data). Free of Electron so
// it is tested with a stand-in dialog; ipc.ts passes Electron's.
import type { CallOutput } from '../shared/api.js';
import { BASEMAP_EXTENSIONS, type PickBasemapResult } from '../shared/desktop-bridge.js';
import type { Result } from '../shared/errors.js';
import type { Desk } from './services/desk.js';
import { dispatch, type Handlers } from './services/dispatch.js';

export interface OpenDialogOptions {
  title: string;
  properties: 'openFile'[];
  filters: { name: string; extensions: string[] }[];
}
export type OpenDialog = (options: OpenDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>;
export type SetBasemap = (path: string) => Result<CallOutput<'setBasemap'>>;

/** setBasemap through the shared dispatch, as the desk's own call (so the same checks and journal). */
export const setBasemapVia =
  (handlers: Handlers, desk: Desk): SetBasemap =>
  (path) =>
    dispatch(handlers, 'setBasemap', { path }, desk) as Result<CallOutput<'setBasemap'>>;

export const BASEMAP_DIALOG: OpenDialogOptions = {
  title: 'Vigie: operator base map',
  properties: ['openFile'],
  filters: [{ name: 'Base maps (PMTiles, MBTiles)', extensions: BASEMAP_EXTENSIONS }],
};

export async function pickBasemapFile(
  open: OpenDialog,
  setBasemap: SetBasemap,
): Promise<Result<PickBasemapResult>> {
  let picked: Awaited<ReturnType<OpenDialog>>;
  try {
    picked = await open(BASEMAP_DIALOG);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message: `pickBasemapFile: ${message}` } };
  }
  const path = picked.filePaths[0];
  if (picked.canceled || !path) return { ok: true, value: { canceled: true } };
  const loaded = setBasemap(path);
  return loaded.ok ? { ok: true, value: { canceled: false, basemap: loaded.value.basemap } } : loaded;
}
