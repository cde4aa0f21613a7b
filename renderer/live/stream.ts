// The console's live feed on the browser host: server-sent events from GET /events. The browser's
// EventSource reconnects by itself (the server asks for 1 s); on reconnection the desk says the last
// entry it saw, so nothing is missed. While the stream is down the console falls back to polling.
import type { DesktopBridge } from '../../shared/desktop-bridge';
import { desktopBridge } from '../desktop';
import type { RoomStatus } from '../../shared/live';
import type { PushedEntry } from './apply';

export type { RoomStatus } from '../../shared/live';

export interface LiveHandlers {
  entries(entries: PushedEntry[]): void;
  /** Too much was missed: read everything again. */
  reload(): void;
  /** `connected`: the stream is up; `room`: whether the database behind it answers. */
  status(connected: boolean, room: RoomStatus): void;
}

/** Opens the live feed: /events on the browser host, the bridge's long poll on the desktop. */
export function openLiveStream(h: LiveHandlers, now: () => Date = () => new Date()): () => void {
  const desktop = desktopBridge();
  if (window.vigie) return desktop ? longPoll(desktop, h, now) : () => {};
  if (typeof EventSource === 'undefined') return () => {};
  let last: number | null = null;
  let room: RoomStatus = { state: 'ok', since: null };
  let source: EventSource | null = null;
  let lostAt: string | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    source = new EventSource(last === null ? '/events' : `/events?after=${last}`);
    source.addEventListener('hello', (ev) => {
      const d = JSON.parse((ev as MessageEvent<string>).data) as { head: number; status: RoomStatus };
      // A first connection starts from the head; a reconnection was given what it missed.
      if (last === null) last = d.head;
      lostAt = null;
      room = d.status;
      h.status(true, room);
    });
    source.addEventListener('journal', (ev) => {
      const d = JSON.parse((ev as MessageEvent<string>).data) as { head: number; entries: PushedEntry[] };
      last = d.head;
      if (d.entries.length) h.entries(d.entries);
    });
    source.addEventListener('reload', (ev) => {
      last = (JSON.parse((ev as MessageEvent<string>).data) as { head: number }).head;
      h.reload();
    });
    source.addEventListener('status', (ev) => {
      room = JSON.parse((ev as MessageEvent<string>).data) as RoomStatus;
      h.status(true, room);
    });
    source.onerror = () => {
      lostAt ??= now().toISOString();
      h.status(false, { state: 'lost', since: lostAt });
      // EventSource gives up for good on some errors (a 5xx, a refused connection): start again.
      if (source?.readyState === EventSource.CLOSED && !stopped) {
        source.close();
        retry = setTimeout(open, 1000);
      }
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}

/**
 * The desktop's feed: the main process answers "what came after N?" when something did (or after a
 * quiet spell), through the same invoke-only bridge as every call; asked again at once each time.
 */
function longPoll(bridge: DesktopBridge, h: LiveHandlers, now: () => Date): () => void {
  let stopped = false;
  let last: number | null = null;
  let lostAt: string | null = null;
  const loop = async () => {
    while (!stopped) {
      try {
        const b = await bridge.nextEvents(last);
        if (stopped) return;
        lostAt = null;
        h.status(true, b.room);
        if (b.reload && last !== null) h.reload();
        else if (b.entries.length) h.entries(b.entries);
        last = b.head;
      } catch {
        lostAt ??= now().toISOString();
        h.status(false, { state: 'lost', since: lostAt });
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };
  void loop();
  return () => {
    stopped = true;
  };
}
