// The desktop-only bridge, `window.vigieDesktop`, beside the contract: what needs a native dialog,
// so only the Electron app can offer it, the live feed the browser host serves as /events, and the
// rooms the desk may switch to ("Open room…"). The browser host has no such bridge, and the
// renderer offers another way there (a typed path) or nothing. Zod-free: the sandboxed preload
// bundles it.
import type { BasemapInfo } from './api/map.js';
import type { LiveBatch } from './live.js';
import type { RoomAddress } from './room-address.js';

export type { LiveBatch } from './live.js';

/** The one IPC channel of the bridge (the contract's calls use `vigie:<call>`). */
export const PICK_BASEMAP_CHANNEL = 'vigie-desktop:pickBasemapFile';

/** The live feed's channel: a long poll, answered when the journal moves (electron/live-events.ts). */
export const NEXT_EVENTS_CHANNEL = 'vigie-desktop:nextEvents';

/** "Open room…": test a room, switch the desk to it, back to the local file, the rooms opened before. */
export const TEST_ROOM_CHANNEL = 'vigie-desktop:testRoom';
export const OPEN_ROOM_CHANNEL = 'vigie-desktop:openRoom';
export const LEAVE_ROOM_CHANNEL = 'vigie-desktop:leaveRoom';
export const RECENT_ROOMS_CHANNEL = 'vigie-desktop:recentRooms';

/** "New operation…": the native folder picker for a scenario package; reopening on the new file. */
export const PICK_SCENARIO_CHANNEL = 'vigie-desktop:pickScenarioFolder';
export const OPEN_OPERATION_CHANNEL = 'vigie-desktop:openOperationFile';

export type PickFolderResult = { canceled: true } | { canceled: false; folder: string };

/** The files the base map picker offers. */
export const BASEMAP_EXTENSIONS = ['pmtiles', 'mbtiles'];

export type PickBasemapResult = { canceled: true } | { canceled: false; basemap: BasemapInfo | null };

/**
 * Why a room could not be reached as one: another certificate, no answer, not a Vigie server, or a
 * Vigie server that answered with an error (its database down, say).
 */
export type RoomFailure = 'pin-mismatch' | 'unreachable' | 'not-vigie' | 'room-error';

/** What "Test connection" found: the room's operation, or why there is none to be had. */
export type RoomProbe =
  | (RoomAddress & {
      reached: true;
      operation: { name: string; mode: 'exercise' | 'real' };
      /** The room's own journal check (its hash chain as the server last verified it). */
      journalOk: boolean;
    })
  | (RoomAddress & {
      reached: false;
      reason: RoomFailure;
      /** The fingerprint the server showed instead of the pinned one (pin-mismatch only). */
      presented: string | null;
      /** The client's own words, for the operator to pass on. */
      detail: string;
    });

/** A room this desk opened before, most recent first (kept in the user's settings file). */
export interface RecentRoom extends RoomAddress {
  /** The room's operation when it was last opened. */
  name: string | null;
  openedAt: string;
}

export interface RoomsView {
  /** The room the desk works on now; null: its own local file. */
  open: RoomAddress | null;
  recent: RecentRoom[];
}

export interface DesktopBridge {
  /** The native open dialog; the chosen file is loaded by setBasemap (checked and journaled). */
  pickBasemapFile(): Promise<PickBasemapResult>;
  /** What came after `after` (null: from now); waits until something does, or about 25 s. */
  nextEvents(after: number | null): Promise<LiveBatch>;
  /** Connects with the pinned certificate and reports; changes nothing. */
  testRoom(address: { url: string; fingerprint: string }): Promise<RoomProbe>;
  /** Switches the desk to the room (the local file stays as it is) and remembers it. */
  openRoom(address: { url: string; fingerprint: string }): Promise<RoomAddress>;
  /** Back to the desk's own local file. */
  leaveRoom(): Promise<RoomsView>;
  recentRooms(): Promise<RoomsView>;
  /** The native folder picker, for a scenario package (checked by checkScenario, not here). */
  pickScenarioFolder(): Promise<PickFolderResult>;
  /** Restarts the app on a new operation's file, made by createOperation beside the open one. */
  openOperationFile(file: string): Promise<void>;
}
