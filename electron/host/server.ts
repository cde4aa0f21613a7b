// The browser host: the same contract over HTTP on 127.0.0.1 (or HTTPS on a room server's address,
// see listen.ts), plus the built renderer and the offline resources. Used by the tests, by desks
// that open the console in a browser, and by desktop apps that open a room.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import type { Handlers } from '../services/dispatch.js';
import { dispatch, internalError } from '../services/dispatch.js';
import { createDesk } from '../services/desk.js';
import { HTTP_STATUS, type ApiErrorData } from '../../shared/errors.js';
import { resolveStatic, staticHeaders } from '../static-paths.js';
import type { BasemapSlot } from '../tiles/slot.js';
import { serveTiles } from './tiles.js';
import { streamEvents } from './events.js';
import { serveSnapshot, type SnapshotSource } from './snapshot.js';
import type { JournalFeed } from '../services/feed.js';
import { allowedHosts, createListener, LOOPBACK, publicUrl, type Listen } from './listen.js';
import { DEFAULT_MAX_BODY, declaredTooLarge, largeBodyTurn, maxBody, readBody } from './body-limits.js';

export interface HostOptions {
  handlers: Handlers;
  rendererDir: string;
  resourcesDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The operator's base map, served at /tiles/ (absent: those routes answer 404). */
  basemap?: BasemapSlot;
  /** The journal's moves, pushed to consoles at GET /events (absent: 404, consoles poll). */
  feed?: JournalFeed;
  /** The room as a SQLite file at GET /snapshot, for desks' mirrors (absent: 404). */
  snapshot?: SnapshotSource;
  /** Address and TLS (absent: HTTP on 127.0.0.1). */
  listen?: Listen;
}

export interface Host {
  url: string;
  port: number;
  /** With TLS: the certificate's SHA-256 fingerprint, for desks to pin. */
  fingerprint?: string;
  close(): Promise<void>;
}

export async function startHost(o: HostOptions): Promise<Host> {
  // One desk for this host: the page it serves is one console seat.
  const desk = createDesk();
  const listen = o.listen ?? { address: LOOPBACK };
  const scheme = listen.tls ? 'https' : 'http';
  const server = createListener(listen, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: internalError('browser host', err) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port;
    // Refuse other Host names: stops DNS-rebinding pages from reaching the API.
    const hosts = allowedHosts(listen, port);
    if (!hosts.includes((req.headers.host ?? '').toLowerCase()))
      return sendJson(res, 403, err('forbidden', 'Host not allowed'));
    const url = new URL(req.url ?? '/', `${scheme}://${LOOPBACK}:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, err('invalid_input', 'API calls are POST'));
      const origin = req.headers.origin;
      if (origin && !hosts.some((h) => origin.toLowerCase() === `${scheme}://${h}`)) {
        return sendJson(res, 403, err('forbidden', 'Cross-origin call refused'));
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, err('invalid_input', 'Content-Type must be application/json'));
      }
      const name = callName(url.pathname);
      if (name === null) {
        return sendJson(res, 400, {
          error: {
            code: 'invalid_input',
            message: 'The call name is not valid percent-encoding',
            issues: [{ path: '(call)', message: 'malformed percent-encoding' }],
          },
        });
      }
      // Refuse by the declared size before reading, else as soon as the stream passes the limit;
      // the connection is then closed so the rest is never read.
      const limit = maxBody(name);
      const body = declaredTooLarge(req, limit) ? null : await readBody(req, limit);
      if (body === null) {
        return sendJson(res, 413, err('invalid_input', `${name}: body larger than ${limit} bytes`), {
          connection: 'close',
        });
      }
      if (body.length > DEFAULT_MAX_BODY) await largeBodyTurn();
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return sendJson(res, 400, {
          error: {
            code: 'invalid_input',
            message: 'Body is not valid JSON',
            issues: [{ path: '(body)', message: 'invalid JSON' }],
          },
        });
      }
      const result = dispatch(o.handlers, name, input, desk);
      if (result.ok) return sendJson(res, 200, result.value);
      return sendJson(res, HTTP_STATUS[result.error.code], { error: result.error });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, err('invalid_input', 'Method not allowed'));
    if (url.pathname === '/events') {
      if (!o.feed) return sendJson(res, 404, err('not_found', 'No event stream on this host'));
      const after = url.searchParams.get('after');
      const n = after === null ? null : Number(after);
      if (n !== null && !(Number.isSafeInteger(n) && n >= 0))
        return sendJson(res, 400, err('invalid_input', 'after: a journal sequence number (integer ≥ 0)'));
      return streamEvents(req, res, o.feed, n);
    }
    if (url.pathname === '/snapshot') return serveSnapshot(req, res, url, o.snapshot);
    if (await serveTiles(o.basemap, req, res, url)) return;
    const file = resolveStatic({ renderer: o.rendererDir, resources: o.resourcesDir }, url.pathname);
    if (!file) return sendJson(res, 404, err('not_found', `No file at ${url.pathname}`));
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return sendJson(res, 404, err('not_found', `No file at ${url.pathname}`));
    }
    res.writeHead(200, staticHeaders(file));
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, listen.address, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: publicUrl(listen, port),
    port,
    ...(listen.tls ? { fingerprint: listen.tls.fingerprint } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const err = (code: ApiErrorData['code'], message: string) => ({ error: { code, message } });

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** The call name of an /api/ path, or null when its percent-encoding is malformed. */
function callName(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}
