// `vigie serve` listens, and serves the console's page, before the database is open and the
// services are loaded: the console's shell paints at once (issue 18, first paint) while the rest of
// the start takes its time. Until the host attaches, calls and streams wait for it; if the start
// fails they are told so and the listener closes. Host names are checked as the host does.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StaticRoots } from '../static-paths.js';
import { TILES_PREFIX } from '../tiles/prefix.js';
import { allowedHosts, createListener, LOOPBACK, publicUrl, type Listen } from './listen.js';
import { apiError, sendJson, sendStatic } from './respond.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface EarlyHost {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  /** With TLS: the certificate's SHA-256 fingerprint, for desks to pin. */
  readonly fingerprint?: string;
  /** From now on the host answers every request; those waiting are handed to it first. */
  attach(handler: RequestHandler): void;
  /** The start failed: requests waiting and to come are told why, and the listener closes. */
  fail(reason: string): Promise<void>;
}

/** The routes that need the services: everything else is the page and its files. */
const isServiceRoute = (pathname: string) =>
  pathname.startsWith('/api/') ||
  pathname.startsWith(TILES_PREFIX) ||
  ['/events', '/snapshot', '/journal-rows'].includes(pathname);

export async function listenEarly(listen: Listen, port: number, roots: StaticRoots): Promise<EarlyHost> {
  let handler: RequestHandler | null = null;
  let failure: string | null = null;
  const waiting: [IncomingMessage, ServerResponse][] = [];
  const refuse = (res: ServerResponse, reason: string) =>
    sendJson(res, 503, apiError('internal', `The console could not start: ${reason}`));

  const server = createListener(listen, (req, res) => {
    if (handler) return handler(req, res);
    if (failure !== null) return refuse(res, failure);
    const own = (server.address() as AddressInfo).port;
    if (!allowedHosts(listen, own).includes((req.headers.host ?? '').toLowerCase()))
      return sendJson(res, 403, apiError('forbidden', 'Host not allowed'));
    const { pathname } = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    if ((req.method === 'GET' || req.method === 'HEAD') && !isServiceRoute(pathname)) {
      sendStatic(req, res, roots, pathname).catch(() => res.destroy());
      return;
    }
    waiting.push([req, res]);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, listen.address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    server,
    url: publicUrl(listen, bound),
    port: bound,
    ...(listen.tls ? { fingerprint: listen.tls.fingerprint } : {}),
    attach(h) {
      handler = h;
      for (const [req, res] of waiting.splice(0)) h(req, res);
    },
    fail(reason) {
      failure = reason;
      for (const [, res] of waiting.splice(0)) refuse(res, reason);
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
