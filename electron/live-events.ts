// The live feed for the desktop's renderer, over IPC. The sandboxed page may only invoke named
// calls (no listener on a channel the main process pushes into), so the renderer asks "what came
// after seq N?" and the answer waits until something did, or until a quiet spell has passed: a long
// poll, answered at once when the journal moves. Plain Node: the desk's own feed (a file), or a
// room's event stream through the pinned client, behind one shape.
import type { FeedEvent } from './services/feed.js';
import type { Desk } from './services/desk.js';
import {
  pushedEntries,
  type FeedEntry,
  type LiveBatch,
  type LiveEntry,
  type RoomStatus,
} from '../shared/live.js';
import type { RoomClient } from './room-client.js';
import { listeners } from '../shared/listeners.js';

export interface LiveSource {
  head(): number;
  status(): RoomStatus;
  subscribe(listener: (e: FeedEvent) => void): () => void;
  entriesAfter(seq: number, limit: number): FeedEntry[];
  /** Which entries a desk may hear of (the desk's own file: JournalFeed); a room's stream is filtered already. */
  readableBy?(desk: Desk): (e: FeedEntry) => boolean;
  /**
   * Whether a desk's moves carry the new position (JournalFeed); a room's stream carries what the
   * room judged for the session it is read through.
   */
  positionsFor?(desk: Desk): boolean;
}

const BATCH = 500;
export const QUIET_MS = 25_000;

/** What came after `after` (null: nothing yet, the head is the start), once there is something. */
export function nextBatch(
  src: LiveSource,
  after: number | null,
  quietMs = QUIET_MS,
  /** The desk asking: only entries it may read (releasability) are answered. */
  desk?: Desk,
): Promise<LiveBatch> {
  const visible = desk && src.readableBy ? src.readableBy(desk) : undefined;
  const positions = () => (src.positionsFor ? desk !== undefined && src.positionsFor(desk) : true);
  const answer = (): LiveBatch => {
    const head = src.head();
    const from = after ?? head;
    if (head <= from) return { head: from, entries: [], reload: false, room: src.status() };
    const entries = src.entriesAfter(from, BATCH + 1);
    if (entries.length > BATCH || (entries[0] && entries[0].seq !== from + 1))
      return { head, entries: [], reload: true, room: src.status() };
    return {
      head: entries.at(-1)?.seq ?? head,
      entries: pushedEntries(entries, visible, positions()),
      reload: false,
      room: src.status(),
    };
  };
  if (after === null || src.head() > after) return Promise.resolve(answer());
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve(answer());
    };
    // A change of the room's reachability is news too: the console shows it.
    const unsubscribe = src.subscribe(() => done());
    const timer = setTimeout(done, quietMs);
  });
}

const KEEP = 2000;

/** A room's event stream as a LiveSource: the latest entries kept in memory, as they arrive. */
export function roomLiveSource(client: RoomClient): LiveSource & { close(): void } {
  let head = 0;
  let status: RoomStatus = { state: 'ok', since: null, detail: null };
  const kept: LiveEntry[] = [];
  const hub = listeners<FeedEvent>();
  const emit = hub.emit;
  const stop = client.events(
    null,
    (e) => {
      if (e.event === 'hello') {
        head = Math.max(head, e.data.head);
        status = e.data.status as RoomStatus;
        emit({ kind: 'status', status });
        emit({ kind: 'moved', head });
      } else if (e.event === 'journal') {
        kept.push(...(e.data.entries as LiveEntry[]));
        kept.splice(0, Math.max(0, kept.length - KEEP));
        head = Math.max(head, e.data.head);
        emit({ kind: 'moved', head });
      } else if (e.event === 'reload') {
        // Entries were skipped: an empty buffer makes the next batch a reload.
        kept.length = 0;
        head = Math.max(head, e.data.head);
        emit({ kind: 'moved', head });
      } else if (e.event === 'status') {
        status = e.data as RoomStatus;
        emit({ kind: 'status', status });
      }
    },
    (err) => {
      if (status.state === 'ok') {
        status = { state: 'lost', since: new Date().toISOString(), detail: err.message };
        emit({ kind: 'status', status });
      }
    },
  );
  return {
    head: () => head,
    status: () => status,
    subscribe: hub.add,
    entriesAfter: (seq, limit) => kept.filter((e) => e.seq > seq).slice(0, limit),
    close() {
      hub.clear();
      stop();
    },
  };
}
