// The preload: exposes `window.vigie`, one named async function per call of the contract and
// nothing else (no generic invoke or send), and `window.vigieDesktop`, the desktop-only actions
// (shared/desktop-bridge.ts: the base map file picker, the live feed, opening a room). Bundled into a single file that requires
// only 'electron', as the sandbox demands; CALL_NAMES comes from a zod-free module for that reason.
//
// Failures reject with the plain ApiErrorData object ({ name: 'ApiError', code, message,
// issues?, current? }), not an Error: the context bridge copies an Error as its message alone,
// so code, issues and current would be lost on the way to the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { CallInput, CallName, CallOutput } from '../shared/api.js';
import { buildClient, ipcChannel } from '../shared/call-names.js';
import {
  LEAVE_ROOM_CHANNEL,
  NEXT_EVENTS_CHANNEL,
  OPEN_OPERATION_CHANNEL,
  OPEN_ROOM_CHANNEL,
  PICK_BASEMAP_CHANNEL,
  PICK_SCENARIO_CHANNEL,
  RECENT_ROOMS_CHANNEL,
  TEST_ROOM_CHANNEL,
  type DesktopBridge,
  type LiveBatch,
  type PickBasemapResult,
  type PickFolderResult,
  type RoomProbe,
  type RoomsView,
} from '../shared/desktop-bridge.js';
import type { RoomAddress } from '../shared/room-address.js';
import type { ApiErrorData, Result } from '../shared/errors.js';

export type VigieRejection = ApiErrorData & { name: 'ApiError' };

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) {
    const rejection: VigieRejection = { name: 'ApiError', ...result.error };
    throw rejection;
  }
  return result.value;
}

function bind<K extends CallName>(name: K): (input: CallInput<K>) => Promise<CallOutput<K>> {
  const channel = ipcChannel(name);
  return async (input) => unwrap((await ipcRenderer.invoke(channel, input)) as Result<CallOutput<K>>);
}

const vigie = Object.freeze(buildClient(bind));

const vigieDesktop: DesktopBridge = Object.freeze({
  pickBasemapFile: async () =>
    unwrap((await ipcRenderer.invoke(PICK_BASEMAP_CHANNEL)) as Result<PickBasemapResult>),
  nextEvents: async (after: number | null) =>
    unwrap((await ipcRenderer.invoke(NEXT_EVENTS_CHANNEL, after)) as Result<LiveBatch>),
  testRoom: async (address: { url: string; fingerprint: string }) =>
    unwrap((await ipcRenderer.invoke(TEST_ROOM_CHANNEL, address)) as Result<RoomProbe>),
  openRoom: async (address: { url: string; fingerprint: string }) =>
    unwrap((await ipcRenderer.invoke(OPEN_ROOM_CHANNEL, address)) as Result<RoomAddress>),
  leaveRoom: async () => unwrap((await ipcRenderer.invoke(LEAVE_ROOM_CHANNEL)) as Result<RoomsView>),
  recentRooms: async () => unwrap((await ipcRenderer.invoke(RECENT_ROOMS_CHANNEL)) as Result<RoomsView>),
  pickScenarioFolder: async () =>
    unwrap((await ipcRenderer.invoke(PICK_SCENARIO_CHANNEL)) as Result<PickFolderResult>),
  openOperationFile: async (file: string) =>
    unwrap((await ipcRenderer.invoke(OPEN_OPERATION_CHANNEL, file)) as Result<void>),
});

contextBridge.exposeInMainWorld('vigie', vigie);
contextBridge.exposeInMainWorld('vigieDesktop', vigieDesktop);
