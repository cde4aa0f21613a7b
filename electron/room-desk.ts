// Which data the desktop works on: its own local file, or a room. One object the main process holds
// for the window's whole life, so the command line (`--room URL --room-fingerprint FP`) and the
// "Open room…" dialog take the same path: check, probe with the pinned certificate, switch the calls
// (room-session.ts) and the live feed together, remember the room. The local database is never
// written by any of this: it stays open beneath, as it was, for "Return to my local file".
// Plain Node, so the switching is tested against a real room server without Electron.
import type { RoomProbe, RoomsView } from '../shared/desktop-bridge.js';
import type { Result } from '../shared/errors.js';
import type { RoomAddress } from '../shared/room-address.js';
import { roomLiveSource, type LiveSource } from './live-events.js';
import type { RoomLink } from './mirror-link.js';
import type { RecentRooms } from './recent-rooms.js';
import type { RoomClient } from './room-client.js';
import { testRoom } from './room-probe.js';
import type { RoomSession } from './room-session.js';

/** What the bridge's room calls reach (ipc.ts). */
export interface RoomActions {
  test(input: unknown): Promise<Result<RoomProbe>>;
  open(input: unknown): Promise<Result<RoomAddress>>;
  leave(): Result<RoomsView>;
  view(): Result<RoomsView>;
}

export interface RoomDesk extends RoomActions {
  /** The open room's calls (null: the local file answers). */
  link(): RoomLink | null;
  /** The live feed the renderer polls: the open room's event stream, else the local journal's. */
  live(): LiveSource;
  close(): void;
}

export interface RoomDeskOptions {
  session: RoomSession;
  /** The local file's own feed, used whenever no room is open. */
  local: LiveSource;
  recent: RecentRooms;
  /** The room's event stream as a feed (a stand-in in tests). */
  roomFeed?: (client: RoomClient) => LiveSource & { close(): void };
}

export function roomDesk(o: RoomDeskOptions): RoomDesk {
  const feedOf = o.roomFeed ?? roomLiveSource;
  let feed: (LiveSource & { close(): void }) | null = null;
  const view = (): RoomsView => {
    const c = o.session.current();
    return { open: c ? { url: c.url, fingerprint: c.fingerprint } : null, recent: o.recent.list() };
  };
  const leave = () => {
    feed?.close();
    feed = null;
    o.session.leave();
  };
  return {
    link: () => o.session.link(),
    live: () => feed ?? o.local,
    test: testRoom,
    async open(input) {
      const opened = await o.session.open(input);
      if (!opened.ok) return opened;
      // The session closed the previous room's client; its feed goes with it.
      feed?.close();
      const client = o.session.current();
      feed = client ? feedOf(client) : null;
      try {
        o.recent.remember(opened.value, o.session.operationName());
      } catch (err) {
        // The room is open; only the list for next time could not be written.
        console.error(`Vigie: recent rooms not saved: ${(err as Error).message}`);
      }
      return opened;
    },
    leave() {
      leave();
      return { ok: true, value: view() };
    },
    view: () => ({ ok: true, value: view() }),
    close: leave,
  };
}
