// How large a request body each call of the browser host may send, and reading a body within it.
// Most calls carry a few fields, so a small default keeps a hostile or runaway client from making
// the host buffer and parse megabytes; only the calls that carry a file or a shape get more.
import type { IncomingMessage } from 'node:http';
import type { CallName } from '../../shared/api.js';
import { MAX_ROSTER_BYTES } from '../../shared/roster.js';
import { ZONE_LIMITS } from '../../shared/zones.js';
import { MAX_BATCH_MOVES } from '../../shared/api/units.js';

export const DEFAULT_MAX_BODY = 64 * 1024;
const ROOM = 64 * 1024;
/** A file's text in JSON: escaping at most doubles it (a quote becomes \"; other controls than tab and line breaks are refused). */
const fileText = (bytes: number) => 2 * bytes + ROOM;

const MAX_BODY: Partial<Record<CallName, number>> = {
  importRoster: fileText(MAX_ROSTER_BYTES),
  importZones: fileText(ZONE_LIMITS.bytes),
  importFeatures: fileText(ZONE_LIMITS.bytes),
  // A drawn or edited zone is the polygon an import could carry: numbers, not escaped.
  createZone: ZONE_LIMITS.bytes + ROOM,
  updateZone: ZONE_LIMITS.bytes + ROOM,
  // A tracking gateway's batch: at most 300 bytes a move (the longest id, numbers and version).
  moveUnits: MAX_BATCH_MOVES * 300 + ROOM,
  // Up to 30 pending actions of 500 characters, 3 bytes each in UTF-8.
  previewHandover: 256 * 1024,
  acknowledgeHandover: 256 * 1024,
};

/** The body limit of a call (an unknown name gets the default; dispatch answers 404 for it). */
export const maxBody = (name: string): number =>
  Object.hasOwn(MAX_BODY, name) ? (MAX_BODY[name as CallName] ?? DEFAULT_MAX_BODY) : DEFAULT_MAX_BODY;

/** The declared Content-Length is larger than the limit: refuse before reading a byte. */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * The body, or null as soon as it passes the limit (a chunked or lying sender): nothing past the
 * limit is kept, and the caller can answer 413 at once instead of waiting for the end. A sender
 * that hangs up midway also gets null: the answer goes nowhere, and it is not our failure to log.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | null) => {
      req.off('data', onData);
      req.off('end', onEnd);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done(null);
      else chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', () => done(null));
    req.once('close', () => done(null));
  });
}

let lastTurn: Promise<void> = Promise.resolve();
/**
 * Resolves in a turn of the event loop of its own, after every large body queued before it: parsing
 * and handling several megabyte bodies back to back would hold up every other desk's calls, so
 * they are taken one per turn and small calls are answered in between.
 */
export function largeBodyTurn(): Promise<void> {
  lastTurn = lastTurn.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  return lastTurn;
}
