// A desk's own copy of its room, kept in a local SQLite file as the journal moves, so that an
// officer whose room is unreachable still has the last picture (services/mirror-handlers.ts reads
// it). The copy starts as the room's snapshot (GET /snapshot, host/snapshot.ts); from then on it
// follows by the journal's rows (GET /journal-rows, host/journal-rows.ts): each page is checked
// against the copy's head and its after-images written into the tables (store/mirror-apply.ts), at
// each journal event and on reconnection from the last sequence the copy holds. A page that does
// not check is refused whole and the copy is taken again as a snapshot.
// Plain Node (no 'electron'), driven directly by the tests.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname } from 'node:path';
import { isUnreachable, PinMismatchError, type RoomClient } from './room-client.js';
import { LATEST_VERSION } from './store/migrations/index.js';
import { summarizeFile } from './backup/summary.js';
import { durableRename, fsyncFile } from './backup/files.js';
import type { JournalHead } from './store/backup.js';
import { applyJournalRows, MirrorRefused, type JournalRowsPage } from './store/mirror-apply.js';

export interface MirrorState {
  /** The room's journal head the copy holds (null: no copy yet). */
  head: JournalHead | null;
  /** When the copy was last known to be the room's (ISO), null without a copy. */
  refreshedAt: string | null;
  ageMs: number | null;
  file: string;
  /** Whether the room answers now, and since when it does not (ISO). */
  connected: boolean;
  lostSince: string | null;
  /** What this run fetched: whole snapshots, pages of rows applied, pages refused (then a snapshot). */
  fetched: { snapshots: number; pages: number; refused: number };
}

export interface Mirror {
  state(): MirrorState;
  /** Fetches what moved now (done at start, on reconnection, and after journal events). */
  refresh(): Promise<void>;
  /** A call found the room unreachable before the event stream did. */
  unreachable(err: Error): void;
  close(): void;
}

export interface MirrorOptions {
  client: RoomClient;
  file: string;
  /** False when the room did not answer as the mirror starts (the desk opens on its copy). */
  reachable?: boolean;
  /** While the copy must be taken whole: at most one snapshot per this long after journal events (default 5 s). */
  minIntervalMs?: number;
  now?: () => number;
  onError?: (err: Error) => void;
}

const HEAD_HEADER = 'x-vigie-head';
const PAGE_ROWS = 500;

/** The mirror's file name for a room: the first 16 hex digits of its certificate fingerprint. */
export const mirrorName = (fingerprint: string) =>
  `${fingerprint
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 16)
    .toLowerCase()}.db`;

/** A page as the room sent it; a body that is not one is refused like a page that does not check. */
function readPage(file: string): JournalRowsPage {
  let page: Partial<JournalRowsPage>;
  try {
    page = JSON.parse(readFileSync(file, 'utf8')) as Partial<JournalRowsPage>;
  } catch {
    throw new MirrorRefused('the room sent journal rows that are not JSON');
  }
  if (
    !page ||
    !Array.isArray(page.rows) ||
    typeof page.head?.seq !== 'number' ||
    typeof page.more !== 'boolean' ||
    typeof page.values !== 'object' ||
    page.values === null
  )
    throw new MirrorRefused('the room sent journal rows without their head, rows and values');
  return page as JournalRowsPage;
}

export function startMirror(o: MirrorOptions): Mirror {
  const now = o.now ?? Date.now;
  const minInterval = o.minIntervalMs ?? 5000;
  const onError = o.onError ?? (() => {});
  mkdirSync(dirname(o.file), { recursive: true });
  let head: JournalHead | null = null;
  let refreshedAt: number | null = null;
  // A copy left by an earlier run is the last picture until the room answers.
  if (existsSync(o.file)) {
    try {
      const summary = summarizeFile(o.file);
      if (summary.ok) {
        head = summary.head;
        refreshedAt = statSync(o.file).mtimeMs;
      }
    } catch (err) {
      onError(err as Error);
    }
  }
  // The session opens a mirror right after probing the room.
  let connected = o.reachable ?? true;
  let lostSince: number | null = connected ? null : now();
  let running: Promise<void> | null = null;
  let again = false;
  let lastRun = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const partial = `${o.file}.download-${process.pid}`;
  // False once a page was refused or the room has no rows route: the next catch-up is a snapshot.
  let byRows = true;
  // After a refusal the copy's head proves nothing: the snapshot is asked for whole, without `after`.
  let doubtful = false;
  const fetched = { snapshots: 0, pages: 0, refused: 0 };

  const lost = (err: Error) => {
    if (connected || lostSince === null) lostSince = now();
    connected = false;
    onError(err);
  };

  const answered = () => {
    connected = true;
    lostSince = null;
  };

  /** The copy is still the room's: its file's time says so, across restarts too. */
  const current = () => {
    const t = new Date(now());
    if (existsSync(o.file)) utimesSync(o.file, t, t);
    refreshedAt = t.getTime();
  };

  /** Follows the room by rows from the copy's head; false when the copy must be taken whole. */
  async function catchUp(from: JournalHead): Promise<boolean> {
    let at = from;
    for (;;) {
      const got = await o.client.download(`journal-rows?after=${at.seq}&limit=${PAGE_ROWS}`, partial);
      answered();
      // A room server from before the rows route: snapshots, as it always did.
      if (got.status === 404) return (byRows = false);
      if (got.status !== 200) throw new Error(`the room answered HTTP ${got.status} to GET /journal-rows`);
      try {
        const page = readPage(partial);
        rmSync(partial, { force: true });
        if (page.rows.length === 0) {
          // Nothing after the copy's head: the room must hold that very head, or it is another journal.
          if (page.more || page.head.seq !== at.seq || (page.head.hash ?? null) !== (at.hash ?? null))
            throw new MirrorRefused(
              `the room's head #${page.head.seq} does not continue the copy's #${at.seq}`,
            );
          current();
          return true;
        }
        at = applyJournalRows(o.file, page);
        head = at;
        refreshedAt = now();
        fetched.pages++;
        if (!page.more) return true;
      } catch (err) {
        if (!(err instanceof MirrorRefused)) throw err;
        fetched.refused++;
        doubtful = true;
        onError(err);
        return (byRows = false);
      }
    }
  }

  async function fetchOnce(): Promise<void> {
    try {
      if (head && byRows && (await catchUp(head))) return;
      const after = head && !doubtful ? `?after=${head.seq}` : '';
      const got = await o.client.download(`snapshot${after}`, partial);
      answered();
      if (got.status === 304) return current();
      if (got.status !== 200) throw new Error(`the room answered HTTP ${got.status} to GET /snapshot`);
      const [seq, hash] = String(got.headers[HEAD_HEADER] ?? '').split(' ');
      const summary = summarizeFile(partial);
      if (!summary.ok || String(summary.head.seq) !== seq || (summary.head.hash ?? '') !== (hash ?? ''))
        throw new Error(`the room's snapshot does not check (head ${seq}, chain ok: ${summary.journal.ok})`);
      // A copy this Vigie could not open read-only (another schema) would fail just when needed.
      if (summary.schemaVersion !== LATEST_VERSION)
        throw new Error(
          `the room's snapshot is at schema version ${summary.schemaVersion}, this desk reads ${LATEST_VERSION}; ` +
            'the previous copy is kept',
        );
      fsyncFile(partial);
      durableRename(partial, o.file);
      head = summary.head;
      refreshedAt = now();
      fetched.snapshots++;
      byRows = true;
      doubtful = false;
    } catch (err) {
      const message = (err as Error).message;
      if (isUnreachable(message) || err instanceof PinMismatchError) lost(err as Error);
      else onError(err as Error);
    } finally {
      rmSync(partial, { force: true });
    }
  }

  /** One refresh at a time; a request meanwhile runs once more after it. */
  function refresh(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    lastRun = now();
    running = fetchOnce().finally(() => {
      running = null;
      if (again && !closed) {
        again = false;
        void refresh();
      }
    });
    return running;
  }

  /** After journal events: by rows at once, a whole snapshot at most once per minInterval. */
  const soon = () => {
    if (head && byRows) return void refresh();
    if (timer || closed) return;
    const wait = Math.max(0, lastRun + minInterval - now());
    timer = setTimeout(() => {
      timer = undefined;
      void refresh();
    }, wait);
  };

  // A refusal (401: the desk's session ended or expired) is an answer: the room is
  // there, the desk must sign in again, and the stream resumes once it has.
  const streamError = (err: Error) => {
    if (/ answered HTTP 40[13] /.test(err.message)) {
      connected = true;
      lostSince = null;
      onError(err);
    } else lost(err);
  };
  const stop = o.client.events(
    head?.seq ?? null,
    (e) => {
      if (e.event === 'hello') {
        // Connected (again): catch up at once.
        connected = true;
        lostSince = null;
        void refresh();
      } else if (e.event === 'journal' || e.event === 'reload') soon();
    },
    streamError,
  );
  void refresh();

  return {
    refresh,
    unreachable: lost,
    state: () => ({
      head,
      refreshedAt: refreshedAt === null ? null : new Date(refreshedAt).toISOString(),
      ageMs: refreshedAt === null ? null : Math.max(0, now() - refreshedAt),
      file: o.file,
      connected,
      lostSince: lostSince === null ? null : new Date(lostSince).toISOString(),
      fetched: { ...fetched },
    }),
    close() {
      closed = true;
      clearTimeout(timer);
      stop();
    },
  };
}
