// The browser host's tile routes (/tiles/{z}/{x}/{y}, /tiles/meta.json) for the operator's base map.
// Compressed vector tiles go out as stored, with Content-Encoding, to clients that accept it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BasemapSlot } from '../tiles/slot.js';
import { tileReply } from '../tiles/respond.js';

/** Answers a /tiles/ request and returns true; false for any other path. */
export async function serveTiles(
  slot: BasemapSlot | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((s) => s.split(';')[0]?.trim().toLowerCase());
  const reply = await tileReply(slot, {
    pathname: url.pathname,
    // The Host header was checked against the loopback names before this point.
    origin: req.headers.host ? `http://${req.headers.host}` : url.origin,
    accepts: (encoding) => accepted.includes(encoding),
  });
  if (!reply) return false;
  res.writeHead(reply.status, reply.headers);
  res.end(req.method === 'HEAD' ? undefined : reply.body);
  return true;
}
