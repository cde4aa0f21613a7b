// The desktop-only bridge, `window.vigieDesktop`, beside the contract: what needs a native dialog,
// so only the Electron app can offer it. The browser host has no such bridge, and the renderer
// offers another way there (a typed path). Zod-free: the sandboxed preload bundles it.
import type { BasemapInfo } from './api/map.js';

/** The one IPC channel of the bridge (the contract's calls use `vigie:<call>`). */
export const PICK_BASEMAP_CHANNEL = 'vigie-desktop:pickBasemapFile';

/** The files the base map picker offers. */
export const BASEMAP_EXTENSIONS = ['pmtiles', 'mbtiles'];

export type PickBasemapResult = { canceled: true } | { canceled: false; basemap: BasemapInfo | null };

export interface DesktopBridge {
  /** The native open dialog; the chosen file is loaded by setBasemap (checked and journaled). */
  pickBasemapFile(): Promise<PickBasemapResult>;
}
