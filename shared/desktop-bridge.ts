// The desktop-only bridge, `window.vigieDesktop`, beside the contract: what needs a native dialog,
// so only the Electron app can offer it, and the live feed the browser host serves as /events. The browser host has no such bridge, and the renderer
// offers another way there (a typed path). Zod-free: the sandboxed preload bundles it.
import type { BasemapInfo } from './api/map.js';
import type { LiveBatch } from './live.js';

export type { LiveBatch } from './live.js';

/** The one IPC channel of the bridge (the contract's calls use `vigie:<call>`). */
export const PICK_BASEMAP_CHANNEL = 'vigie-desktop:pickBasemapFile';

/** The live feed's channel: a long poll, answered when the journal moves (electron/live-events.ts). */
export const NEXT_EVENTS_CHANNEL = 'vigie-desktop:nextEvents';

/** The files the base map picker offers. */
export const BASEMAP_EXTENSIONS = ['pmtiles', 'mbtiles'];

export type PickBasemapResult = { canceled: true } | { canceled: false; basemap: BasemapInfo | null };

export interface DesktopBridge {
  /** The native open dialog; the chosen file is loaded by setBasemap (checked and journaled). */
  pickBasemapFile(): Promise<PickBasemapResult>;
  /** What came after `after` (null: from now); waits until something does, or about 25 s. */
  nextEvents(after: number | null): Promise<LiveBatch>;
}
