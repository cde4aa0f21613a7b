// The browser host: the same contract over HTTP on 127.0.0.1 only, plus the built renderer and
// the offline resources. Used by the tests, and by desks that open the console in a browser.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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
import type { JournalFeed } from '../services/feed.js';
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
}

export interface Host {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startHost(o: HostOptions): Promise<Host> {
  // One desk for this host: the page it serves is one console seat.
  const desk = createDesk();
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: internalError('browser host', err) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port;
    // Refuse other Host names: stops DNS-rebinding pages from reaching the API.
    const allowedHosts = [`${LOOPBACK}:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? ''))
      return sendJson(res, 403, err('forbidden', 'Host not allowed'));
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, err('invalid_input', 'API calls are POST'));
      const origin = req.headers.origin;
      if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) {
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
    server.listen(o.port ?? 0, LOOPBACK, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
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
