// GET /journal-rows?after=SEQ&limit=N: the journal's raw rows after SEQ, oldest first, with their
// after-images and hashes, for a desk that keeps its copy of the room by rows (room-mirror.ts).
// Same access as GET /snapshot (server.ts). A page is bounded by rows and by bytes; the desk asks
// again from its new head while `more` says rows remain.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { releasableTo, type SnapshotSource } from './snapshot.js';

export const ROWS_DEFAULT = 500;
export const ROWS_MAX = 2000;

/** Answers GET /journal-rows (404 without a source, 400 for a bad `after` or `limit`). */
export function serveJournalRows(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  source: SnapshotSource | undefined,
): void {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(JSON.stringify(body));
  };
  const fail = (status: number, code: string, message: string) => send(status, { error: { code, message } });
  if (!source) return fail(404, 'not_found', 'No journal rows on this host');
  const given = url.searchParams.get('after');
  const after = given === null || given === '' ? NaN : Number(given);
  if (!(Number.isSafeInteger(after) && after >= 0))
    return fail(400, 'invalid_input', 'after: a journal sequence number (integer ≥ 0)');
  const raw = url.searchParams.get('limit');
  const limit = raw === null ? ROWS_DEFAULT : Number(raw);
  if (!(Number.isSafeInteger(limit) && limit >= 1 && limit <= ROWS_MAX))
    return fail(400, 'invalid_input', `limit: a number of rows from 1 to ${ROWS_MAX}`);
  send(200, source.rows(releasableTo(req), after, limit));
}
