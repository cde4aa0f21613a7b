// Binds the contract to IPC: one `vigie:<call>` channel per call of CALL_NAMES, each accepting
// only the console's own top frame, each running through the shared dispatch (zod validation,
// plain Result). One desk per window contents, so each window is its own console seat. Plus the
// desktop-only base map file picker and room switching (shared/desktop-bridge.ts), held to the same
// sender check.
// While a room is open (room-session.ts) the calls go to the room server instead (or, while it is
// unreachable, to the desk's read-only copy of it), after the same sender check and the same input
// validation.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CALL_NAMES, ipcChannel } from '../shared/call-names.js';
import {
  LEAVE_ROOM_CHANNEL,
  NEXT_EVENTS_CHANNEL,
  OPEN_OPERATION_CHANNEL,
  OPEN_ROOM_CHANNEL,
  PICK_BASEMAP_CHANNEL,
  PICK_SCENARIO_CHANNEL,
  RECENT_ROOMS_CHANNEL,
  TEST_ROOM_CHANNEL,
} from '../shared/desktop-bridge.js';
import { nextBatch, type LiveSource } from './live-events.js';
import type { Result } from '../shared/errors.js';
import { pickBasemapFile, setBasemapVia } from './basemap-picker.js';
import { createDesk, type Desk } from './services/desk.js';
import { dispatch, type Handlers } from './services/dispatch.js';
import { isAppUrl } from './static-paths.js';
import type { RoomLink } from './mirror-link.js';
import type { RoomActions } from './room-desk.js';
import { pickScenarioFolder } from './operation-switch.js';

/** "New operation…": reopening the app on a file made beside the open one (checked by the caller). */
export type OpenOperation = (file: unknown) => Result<void>;

const refused = (name: string): Result<never> => ({
  ok: false,
  error: { code: 'forbidden', message: `${name}: refused, the call did not come from the Vigie window` },
});

const inRoom = (name: string): Result<never> => ({
  ok: false,
  error: { code: 'invalid_input', message: `${name}: a room's base map is set on its server` },
});

const noRooms = (name: string): Result<never> => ({
  ok: false,
  error: { code: 'not_found', message: `${name}: this console cannot open rooms` },
});

const notNow = (message: string): Result<never> => ({ ok: false, error: { code: 'conflict', message } });

const ROOM_CHANNELS = [TEST_ROOM_CHANNEL, OPEN_ROOM_CHANNEL, LEAVE_ROOM_CHANNEL, RECENT_ROOMS_CHANNEL];

/**
 * Registers every channel; the returned function removes them again. `room`: the open room;
 * `rooms`: opening and leaving one (room-desk.ts), each input checked there.
 */
export function bindIpc(
  handlers: Handlers,
  room: () => RoomLink | null = () => null,
  live: () => LiveSource | null = () => null,
  rooms: RoomActions | null = null,
  openOperation: OpenOperation | null = null,
): () => void {
  const desks = new WeakMap<WebContents, Desk>();
  const deskFor = (contents: WebContents): Desk => {
    let desk = desks.get(contents);
    if (!desk) {
      desk = createDesk();
      desks.set(contents, desk);
    }
    return desk;
  };
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown): Result<unknown> | Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) return refused(name);
      const link = room();
      if (link) return link.call(name, input);
      return dispatch(handlers, name, input, deskFor(event.sender));
    });
  }
  ipcMain.handle(PICK_BASEMAP_CHANNEL, (event) => {
    if (!isTrustedSender(event)) return refused('pickBasemapFile');
    // The picker reads a file of this machine; a room server reads its own.
    if (room()) return inRoom('pickBasemapFile');
    const win = BrowserWindow.fromWebContents(event.sender);
    return pickBasemapFile(
      (options) => (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)),
      setBasemapVia(handlers, deskFor(event.sender)),
    );
  });
  ipcMain.handle(NEXT_EVENTS_CHANNEL, (event, after: unknown): Result<unknown> | Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return refused('nextEvents');
    const src = live();
    if (after !== null && !(typeof after === 'number' && Number.isSafeInteger(after) && after >= 0))
      return {
        ok: false,
        error: { code: 'invalid_input', message: 'after: a journal sequence number (integer ≥ 0)' },
      };
    if (!src) return { ok: false, error: { code: 'not_found', message: 'nextEvents: no live feed' } };
    return nextBatch(src, after, undefined, deskFor(event.sender)).then((value) => ({ ok: true, value }));
  });
  ipcMain.handle(TEST_ROOM_CHANNEL, (event, address: unknown) => {
    if (!isTrustedSender(event)) return refused('testRoom');
    return rooms ? rooms.test(address) : noRooms('testRoom');
  });
  ipcMain.handle(OPEN_ROOM_CHANNEL, (event, address: unknown) => {
    if (!isTrustedSender(event)) return refused('openRoom');
    return rooms ? rooms.open(address) : noRooms('openRoom');
  });
  ipcMain.handle(LEAVE_ROOM_CHANNEL, (event) => {
    if (!isTrustedSender(event)) return refused('leaveRoom');
    return rooms ? rooms.leave() : noRooms('leaveRoom');
  });
  ipcMain.handle(RECENT_ROOMS_CHANNEL, (event) => {
    if (!isTrustedSender(event)) return refused('recentRooms');
    return rooms ? rooms.view() : noRooms('recentRooms');
  });
  ipcMain.handle(PICK_SCENARIO_CHANNEL, (event) => {
    if (!isTrustedSender(event)) return refused('pickScenarioFolder');
    const win = BrowserWindow.fromWebContents(event.sender);
    return pickScenarioFolder((options) =>
      win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options),
    );
  });
  ipcMain.handle(OPEN_OPERATION_CHANNEL, (event, file: unknown) => {
    if (!isTrustedSender(event)) return refused('openOperationFile');
    // In a room the console works on the room's operation; a desk's new file waits for it to leave.
    if (room()) return notNow('openOperationFile: leave the room first (Return to my local file)');
    return openOperation ? openOperation(file) : notNow('openOperationFile: this console cannot reopen');
  });
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(ipcChannel(name));
    for (const channel of ROOM_CHANNELS) ipcMain.removeHandler(channel);
    ipcMain.removeHandler(PICK_BASEMAP_CHANNEL);
    ipcMain.removeHandler(NEXT_EVENTS_CHANNEL);
    ipcMain.removeHandler(PICK_SCENARIO_CHANNEL);
    ipcMain.removeHandler(OPEN_OPERATION_CHANNEL);
  };
}

/** Only the top frame of one of our windows, showing app://vigie/, may call. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  const contents = event.sender;
  if (contents.getType() !== 'window') return false;
  const main = contents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return BrowserWindow.fromWebContents(contents) !== null;
}
