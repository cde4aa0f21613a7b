// The browser host: the same contract over HTTP on 127.0.0.1 (or HTTPS on a room server's address,
// see listen.ts), plus the built renderer and the offline resources. Used by the tests, by desks
// that open the console in a browser, and by desktop apps that open a room.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../services/dispatch.js';
import { dispatch, internalError } from '../services/dispatch.js';
import { calls } from '../services/background-gate.js';
import type { Desk } from '../services/desk.js';
import type { HostAccess } from '../services/host-access.js';
import { isCallName } from '../../shared/api.js';
import { PERMISSIONS } from '../../shared/permissions.js';
import { HostSessions, type SessionLookup } from './sessions.js';
import { HTTP_STATUS } from '../../shared/errors.js';
import type { BasemapSlot } from '../tiles/slot.js';
import { serveTiles } from './tiles.js';
import { streamEvents } from './events.js';
import { serveSnapshot, type SnapshotSource } from './snapshot.js';
import { serveJournalRows } from './journal-rows.js';
import type { JournalFeed } from '../services/feed.js';
import { storageFailure } from '../services/storage-errors.js';
import type { Db } from '../store/db.js';
import { allowedHosts, createListener, LOOPBACK, publicUrl, type Listen } from './listen.js';
import { apiError as err, sendJson, sendStatic } from './respond.js';
import type { EarlyHost, RequestHandler } from './early.js';
import { DEFAULT_MAX_BODY, declaredTooLarge, largeBodyTurn, maxBody, readBody } from './body-limits.js';

export interface HostOptions {
  handlers: Handlers;
  /** The database the browsers' sessions are kept in: every server on it shares them. */
  db: () => Db;
  /** Real time for the sessions' 12 hours (tests move it). */
  now?: () => number;
  rendererDir: string;
  resourcesDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The operator's base map, served at /tiles/ (absent: those routes answer 404). */
  basemap?: BasemapSlot;
  /** The journal's moves, pushed to consoles at GET /events (absent: 404, consoles poll). */
  feed?: JournalFeed;
  /** The room for desks' mirrors: a SQLite file at GET /snapshot, its journal's rows at GET /journal-rows (absent: 404). */
  snapshot?: SnapshotSource;
  /** Address and TLS (absent: HTTP on 127.0.0.1). */
  listen?: Listen;
  /** Who may mirror, what each desk's feed carries, refused sessions journaled (absent: host staff rules off). */
  access?: HostAccess;
  /** Already listening and serving the page (`vigie serve`): the host takes its requests over. */
  early?: EarlyHost;
}

export interface Host {
  url: string;
  port: number;
  /** With TLS: the certificate's SHA-256 fingerprint, for desks to pin. */
  fingerprint?: string;
  close(): Promise<void>;
}

export async function startHost(o: HostOptions): Promise<Host> {
  const listen = o.listen ?? { address: LOOPBACK };
  const scheme = listen.tls ? 'https' : 'http';
  // Each signed-in browser is its own desk, named by its session cookie.
  const sessions = new HostSessions(o.db, Boolean(listen.tls), o.now);
  const onRequest: RequestHandler = (req, res) => {
    handle(req, res).catch((err: unknown) => {
      // The sessions' database not answering is said as a call's storage failure would be.
      if (!res.headersSent)
        sendJson(res, 500, { error: storageFailure(err) ?? internalError('browser host', err) });
    });
  };
  const server = o.early?.server ?? createListener(listen, onRequest);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port;
    // Refuse other Host names: stops DNS-rebinding pages from reaching the API.
    const hosts = allowedHosts(listen, port);
    if (!hosts.includes((req.headers.host ?? '').toLowerCase()))
      return sendJson(res, 403, err('forbidden', 'Host not allowed'));
    const url = new URL(req.url ?? '/', `${scheme}://${LOOPBACK}:${port}`);
    // The page's files and the map's tiles are a desk's too: while a console loads them (before
    // its first call), the background slices wait as they do for calls. With 50,000 journal
    // entries to re-check and index they took 100–400 ms at a time from the page's own loading.
    calls.callArrived();

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
      const session = sessions.lookup(req.headers.cookie);
      const isPublic = isCallName(name) && PERMISSIONS[name] === 'public';
      const headers: Record<string, string> = {};
      if (session.state === 'unknown' || session.state === 'expired') {
        if (session.state === 'expired') endExpired(session.desk);
        headers['set-cookie'] = sessions.end(session.token);
        if (!isPublic) {
          if (sessions.firstRefusal(session.token))
            o.access?.sessionRefused(session.state, name, req.socket.remoteAddress ?? 'unknown');
          return sendJson(res, 401, err('unauthorized', sessionGone(session)), headers);
        }
      }
      const desk = session.state === 'ok' ? session.desk : sessions.fresh();
      // A restore replaces the database file and its sessions table: the sessions are carried over.
      const kept = name === 'restoreBackup' && session.state === 'ok' ? sessions.all() : null;
      const result = dispatch(o.handlers, name, input, desk);
      if (kept && result.ok) sessions.carry(kept);
      const renew = result.ok && (name === 'signIn' || name === 'acknowledgeHandover');
      if (renew && session.state !== 'ok') {
        for (const ended of sessions.prune()) endExpired(ended);
        headers['set-cookie'] = sessions.open(desk);
      } else if (name === 'signOut' && result.ok && session.state === 'ok') {
        headers['set-cookie'] = sessions.end(session.token);
      } else if (session.state === 'ok') {
        // A lock, an unlock, a new person at a handover: every server sees it at the next call.
        sessions.save(session.token, desk, renew);
      }
      if (result.ok) return sendJson(res, 200, result.value, headers);
      return sendJson(res, HTTP_STATUS[result.error.code], { error: result.error }, headers);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, err('invalid_input', 'Method not allowed'));
    if (url.pathname === '/events') {
      if (!o.feed) return sendJson(res, 404, err('not_found', 'No event stream on this host'));
      const after = url.searchParams.get('after');
      const n = after === null ? null : Number(after);
      if (n !== null && !(Number.isSafeInteger(n) && n >= 0))
        return sendJson(res, 400, err('invalid_input', 'after: a journal sequence number (integer ≥ 0)'));
      const desk = signedIn(req, '/events');
      if (!desk)
        return sendJson(res, 401, err('unauthorized', 'Sign in first: the live feed is for signed-in desks'));
      const withoutOperators = desk.operator?.role === 'wall';
      return streamEvents(req, res, o.feed, n, { desk, withoutOperators });
    }
    const mirrored = url.pathname === '/snapshot' || url.pathname === '/journal-rows';
    if (mirrored && o.snapshot) {
      const desk = signedIn(req, url.pathname);
      if (!desk)
        return sendJson(
          res,
          401,
          err('unauthorized', 'Sign in first: the room’s copy is for signed-in desks'),
        );
      if (o.access && !o.access.mayMirror(desk))
        return sendJson(
          res,
          403,
          err('forbidden', 'Not permitted: only host watch officers and supervisors mirror the room'),
        );
    }
    if (url.pathname === '/snapshot') return serveSnapshot(req, res, url, o.snapshot);
    if (url.pathname === '/journal-rows') return serveJournalRows(req, res, url, o.snapshot);
    if (await serveTiles(o.basemap, req, res, url)) return;
    return sendStatic(req, res, { renderer: o.rendererDir, resources: o.resourcesDir }, url.pathname);
  }

  /** The desk of a signed-in browser for a non-API route, or null (a dead cookie is journaled). */
  function signedIn(req: IncomingMessage, route: string): Desk | null {
    const session = sessions.lookup(req.headers.cookie);
    if (session.state === 'ok') return session.desk.operator ? session.desk : null;
    if (session.state === 'none') return null;
    if (session.state === 'expired') endExpired(session.desk);
    if (sessions.firstRefusal(session.token))
      o.access?.sessionRefused(session.state, route, req.socket.remoteAddress ?? 'unknown');
    return null;
  }

  /** The 12 hours are up: the desk's operator is signed out (journaled). */
  function endExpired(desk: Desk): void {
    if (desk.operator) dispatch(o.handlers, 'signOut', {}, desk);
  }

  if (o.early) o.early.attach(onRequest);
  else
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

const sessionGone = (s: SessionLookup) =>
  s.state === 'expired'
    ? 'Session expired: a session lasts at most 12 hours; sign in again.'
    : 'Session not recognised (it ended, or expired): sign in again.';

/** The call name of an /api/ path, or null when its percent-encoding is malformed. */
function callName(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}
