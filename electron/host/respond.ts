// The host's answers that are not the API's own: JSON errors and the built renderer's files.
// Shared by the host (server.ts) and by the listener that serves the page while the database is
// still opening (early.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs';
import type { ApiErrorData } from '../../shared/errors.js';
import { resolveStatic, staticHeaders, type StaticRoots } from '../static-paths.js';

export const apiError = (code: ApiErrorData['code'], message: string) => ({ error: { code, message } });

export function sendJson(
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

/** The renderer's or the resources' file at the URL's path, or a 404. */
export async function sendStatic(
  req: IncomingMessage,
  res: ServerResponse,
  roots: StaticRoots,
  pathname: string,
): Promise<void> {
  const file = resolveStatic(roots, pathname);
  if (!file) return sendJson(res, 404, apiError('not_found', `No file at ${pathname}`));
  // node:fs's callback form: node:fs/promises is not loaded before the early listener answers (it
  // brings a dozen modules of its own), and its readFile reads in small slices, slower for the bundles.
  const data = await new Promise<Buffer | null>((resolve) =>
    readFile(file, (err, d) => resolve(err ? null : d)),
  );
  if (!data) return sendJson(res, 404, apiError('not_found', `No file at ${pathname}`));
  res.writeHead(200, staticHeaders(file));
  res.end(req.method === 'HEAD' ? undefined : data);
}
