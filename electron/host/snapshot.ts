// GET /snapshot?after=SEQ: the room as one SQLite file, for a desk's local mirror (room-mirror.ts).
// Built like `vigie backup --db URL` (one REPEATABLE READ snapshot copied into a fresh file and
// checked), with the journal head it holds in X-Vigie-Head ("seq hash"). A desk that already holds
// the head gets 304. One build at a time, and the last file is served again while the head has not
// moved, so twenty desks reconnecting at once cost one copy, not twenty.
import { createReadStream, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../store/db.js';
import { journalHead, type JournalHead } from '../store/backup.js';
import { backupRoom } from '../backup/room-backup.js';
import { journalRowsAfter, type JournalRowsPage } from '../store/mirror-apply.js';

export const SNAPSHOT_MIME = 'application/vnd.sqlite3';
export const HEAD_HEADER = 'x-vigie-head';

/**
 * What a desk may receive of the room. Today every desk receives the whole room; releasability per
 * desk (a later issue) decides it here, from the request's desk, and the build filters by it.
 */
export type Releasable = { scope: 'whole-room' };
export function releasableTo(_req: IncomingMessage): Releasable {
  return { scope: 'whole-room' };
}

interface Built {
  head: JournalHead;
  file: string;
  bytes: number;
}

export interface SnapshotSource {
  /** A file of the room at its head now (built, or the last one while the head has not moved). */
  current(what: Releasable): Promise<Built>;
  head(): JournalHead;
  /** The journal's raw rows after `after`, for a desk's copy kept by rows (host/journal-rows.ts). */
  rows(what: Releasable, after: number, limit: number): JournalRowsPage;
  close(): void;
}

/** About this many bytes of rows per page, so a page is bounded whatever its entries carry. */
const PAGE_BYTES = 4 * 1024 * 1024;

export function snapshotSource(db: () => Db): SnapshotSource {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-snapshot-'));
  let last: Built | null = null;
  let building: Promise<Built> | null = null;
  let n = 0;

  const build = async (): Promise<Built> => {
    const file = join(dir, `room-${++n}.db`);
    const report = backupRoom(db(), file, { anchor: false });
    const previous = last;
    last = { head: report.head, file, bytes: report.bytes };
    // A download still reading the previous file keeps it open; unlinking is safe on POSIX.
    if (previous) rmSync(previous.file, { force: true });
    return last;
  };

  return {
    head: () => journalHead(db()),
    rows(what, after, limit) {
      // Rows carry every table's after-images: like the snapshot, the whole room or nothing today.
      if (what.scope !== 'whole-room') throw new Error(`journal rows scope ${String(what.scope)}`);
      return journalRowsAfter(db(), after, limit, PAGE_BYTES);
    },
    current(what) {
      // Only the whole room exists today; a per-desk scope will key its own cached files.
      if (what.scope !== 'whole-room') throw new Error(`snapshot scope ${String(what.scope)}`);
      const head = journalHead(db());
      if (last && last.head.seq === head.seq && last.head.hash === head.hash) return Promise.resolve(last);
      // Requests arriving during a build share it.
      building ??= build().finally(() => (building = null));
      return building;
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const headValue = (h: JournalHead) => `${h.seq} ${h.hash ?? ''}`.trim();

/** Answers GET /snapshot (404 without a source, 400 for a bad `after`). */
export async function serveSnapshot(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  source: SnapshotSource | undefined,
): Promise<void> {
  const fail = (status: number, code: string, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code, message } }));
  };
  if (!source) return fail(404, 'not_found', 'No snapshot on this host');
  const after = url.searchParams.get('after');
  const n = after === null ? null : Number(after);
  if (n !== null && !(Number.isSafeInteger(n) && n >= 0))
    return fail(400, 'invalid_input', 'after: a journal sequence number (integer ≥ 0)');
  const head = source.head();
  if (n !== null && n === head.seq) {
    res.writeHead(304, { [HEAD_HEADER]: headValue(head), 'cache-control': 'no-store' });
    return void res.end();
  }
  const built = await source.current(releasableTo(req));
  // Opened before anything else runs, so a newer build removing this file cannot race the read.
  const stream = req.method === 'HEAD' ? null : createReadStream('', { fd: openSync(built.file, 'r') });
  res.writeHead(200, {
    'content-type': SNAPSHOT_MIME,
    'content-length': String(built.bytes),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    [HEAD_HEADER]: headValue(built.head),
  });
  if (!stream) return void res.end();
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
