// `vigie serve`: checks its flags, listens and prints its address at once, serving the console's
// page while the database opens and the services load (host/early.ts), then hands the listener to
// the host. The first paint no longer waits for the whole start (issue 18). Ctrl+C (or SIGTERM)
// stops the host, waits for a backup under way, and closes the database.
import type { AppPaths } from '../app-root.js';
import { listenEarly } from '../host/early.js';
import type { Io } from './commands.js';
import { serveOptions } from './serve-options.js';
import { isRoomUrl, redact } from '../store/location.js';

export async function serve(argv: string[], paths: AppPaths, io: Io): Promise<number> {
  const opts = serveOptions(argv, paths);
  const early = await listenEarly(opts.listen, opts.port, {
    renderer: paths.renderer,
    resources: paths.resources,
  });
  const { url, fingerprint } = early;
  // The database as the open one names itself: a file's path, a room's URL without its password.
  const db = isRoomUrl(opts.dbPath) ? redact(opts.dbPath) : opts.dbPath;
  io.out(JSON.stringify({ url, db, backups: opts.backups.dir, fingerprint }));
  let s;
  try {
    const { startWith } = await import('./serve.js');
    s = await startWith(opts, paths, io, early);
  } catch (err) {
    await early.fail(err instanceof Error ? err.message : String(err));
    throw err;
  }
  const reach = fingerprint ? `TLS, certificate SHA-256 ${fingerprint}` : 'loopback only';
  io.err(`Vigie console: ${url}  (${reach}; Ctrl+C stops)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await s.stop();
  return 0;
}
