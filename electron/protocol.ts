// The app:// scheme: the window loads app://vigie/index.html and everything it needs from the
// built renderer and the offline resources. No file:// URL is ever loaded.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  resolveStatic,
  staticHeaders,
  type StaticRoots,
} from './static-paths.js';
import type { BasemapSlot } from './tiles/slot.js';
import { tileReply } from './tiles/respond.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves app://vigie/ from the roots (and the operator's base map at /tiles/) on the given session (after ready). */
export function serveAppScheme(session: Session, roots: StaticRoots, basemap?: BasemapSlot): void {
  session.protocol.handle(APP_SCHEME, (request) => respond(roots, request, basemap));
}

async function respond(
  roots: StaticRoots,
  request: Request,
  basemap: BasemapSlot | undefined,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return plain(404, 'Not found');
  // Tiles leave here decompressed: Chromium's content-decoding of a custom scheme's response is not relied on.
  const tiles = await tileReply(basemap, {
    pathname: url.pathname,
    origin: APP_ORIGIN,
    accepts: () => false,
  });
  if (tiles) {
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(tiles.body), {
      status: tiles.status,
      headers: tiles.headers,
    });
  }
  const file = resolveStatic(roots, url.pathname);
  if (!file) return plain(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plain(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: staticHeaders(file),
  });
}

const plain = (status: number, text: string): Response =>
  new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
