// The journal's head as it moves, for pushing changes to consoles. Every change to operational data
// is a journal entry, so "the journal moved to seq N" is all a desk needs to hear; it then reads the
// entries after the last one it saw. Three sources, whichever is first:
//   - this process's own commits (Db.onCommittedAppend), at once;
//   - on a room, PostgreSQL's NOTIFY from every other server (store/pg/listen.ts);
//   - on a SQLite file, the head read every 250 ms, for other processes on the same file.
// The feed follows the database open now (a restore reopens it).
import type { Db } from '../store/db.js';
import { isRoomUrl } from '../store/db.js';
import { journalHead } from '../store/backup.js';
import { entriesAfter } from '../store/journal.js';
import { listenJournal, type RoomListener } from '../store/pg/listen.js';
import type { JournalEntry } from '../../shared/domain.js';
import type { RoomStatus } from '../../shared/live.js';
import { listeners } from '../../shared/listeners.js';
import type { Desk } from './desk.js';
import { feedFilter, readsPositions, type EntryFacts } from './releasability.js';

export type { RoomStatus } from '../../shared/live.js';

export type FeedEvent = { kind: 'moved'; head: number } | { kind: 'status'; status: RoomStatus };

export interface JournalFeed {
  head(): number;
  status(): RoomStatus;
  subscribe(listener: (e: FeedEvent) => void): () => void;
  /** Entries after `seq`, oldest first, at most `limit`. */
  entriesAfter(seq: number, limit: number): JournalEntry[];
  /**
   * Which entries may reach this desk (releasability: nothing about an item it may not see, no
   * sign-ins or operator entries for a partner), judged when each is sent.
   */
  readableBy(desk: Desk): (e: EntryFacts) => boolean;
  /** Whether a desk's pushed moves carry the new position (releasability.ts readsPositions). */
  positionsFor(desk: Desk): boolean;
  close(): Promise<void>;
}

export interface FeedOptions {
  /** The database open now. */
  current(): Db;
  /** The location it was opened from: a room URL gets LISTEN. */
  location: string;
  /** How often a SQLite file's head is read (other processes' commits). */
  pollMs?: number;
  now?: () => Date;
}

export function startFeed(o: FeedOptions): JournalFeed {
  const now = o.now ?? (() => new Date());
  const hub = listeners<FeedEvent>();
  const emit = hub.emit;
  let head = journalHead(o.current()).seq;
  let status: RoomStatus = { state: 'ok', since: null, detail: null };
  const moved = (seq: number) => {
    if (seq <= head) return;
    head = seq;
    emit({ kind: 'moved', head });
  };
  const reachable = (ok: boolean, detail: string | null) => {
    if (ok === (status.state === 'ok')) return;
    status = ok
      ? { state: 'ok', since: null, detail: null }
      : { state: 'lost', since: now().toISOString(), detail };
    emit({ kind: 'status', status });
  };

  // This process's commits, on whichever database is open now.
  let watched: Db | null = null;
  let unwatch = () => {};
  const follow = () => {
    const db = o.current();
    if (db === watched) return;
    unwatch();
    watched = db;
    unwatch = db.onCommittedAppend(moved);
  };
  follow();

  let room: RoomListener | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  if (isRoomUrl(o.location)) {
    room = listenJournal(o.location, { moved, reachable });
  } else {
    timer = setInterval(() => {
      try {
        follow();
        moved(journalHead(o.current()).seq);
        reachable(true, null);
      } catch (err) {
        reachable(false, (err as Error).message);
      }
    }, o.pollMs ?? 250);
    timer.unref();
  }

  return {
    head: () => head,
    status: () => status,
    subscribe: hub.add,
    entriesAfter: (seq, limit) => {
      follow();
      return entriesAfter(o.current(), seq, limit);
    },
    readableBy: (desk) => feedFilter(o.current, desk),
    positionsFor: readsPositions,
    async close() {
      hub.clear();
      unwatch();
      if (timer) clearInterval(timer);
      await room?.close();
    },
  };
}
