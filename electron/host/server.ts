// The browser host: the same contract over HTTP on 127.0.0.1 only, plus the built renderer and
// the offline resources. Used by the tests, and by desks that open the console in a browser.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import type { Handlers } from '../services/dispatch.js';
import { dispatch } from '../services/dispatch.js';
import { createDesk } from '../services/desk.js';
import { HTTP_STATUS, type ApiErrorData } from '../../shared/errors.js';
import { resolveStatic, staticHeaders } from '../static-paths.js';
import type { BasemapSlot } from '../tiles/slot.js';
import { serveTiles } from './tiles.js';
import { streamEvents } from './events.js';
import type { JournalFeed } from '../services/feed.js';

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

// The largest call (a 5 MB roster) grows when JSON-escaped; leave room for it.
const MAX_BODY = 12 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';

export async function startHost(o: HostOptions): Promise<Host> {
  // One desk for this host: the page it serves is one console seat.
  const desk = createDesk();
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      sendJson(res, 500, { error: { code: 'internal', message: (err as Error).message } });
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
      const body = await readBody(req);
      if (body === null)
        return sendJson(res, 413, err('invalid_input', `Body larger than ${MAX_BODY} bytes`));
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, {
          error: {
            code: 'invalid_input',
            message: 'Body is not valid JSON',
            issues: [{ path: '(body)', message: 'invalid JSON' }],
          },
        });
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
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

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Past the limit keep draining (so the client reads our 413), but stop storing; cut off
    // a sender that goes on far beyond it.
    if (size > MAX_BODY * 16) req.destroy();
    else if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8');
}
