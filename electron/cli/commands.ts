// The CLI's commands. Each returns its exit code; machine-readable results go to stdout as JSON.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../store/db.js';
import { loadScenario } from '../services/scenario-load.js';
import { seedScenario } from '../services/seed.js';
import { verifyDatabase } from '../services/verify.js';
import { openVigie } from '../services/app.js';
import { startHost } from '../host/server.js';
import { realTime } from '../../shared/clock.js';
import type { AppPaths } from '../app-root.js';
import { int, parse, resolveDb, UsageError } from './args.js';
import { basemapSlot } from '../tiles/slot.js';
import { TileFileError } from '../tiles/types.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const json = (io: Io, value: unknown) => io.out(JSON.stringify(value, null, 2));

export function seed(argv: string[], paths: AppPaths, io: Io): number {
  const { values } = parse(argv, { db: { type: 'string' } });
  const db = openDatabase(resolveDb(values.db));
  try {
    const summary = seedScenario({ db, clock: realTime, real: realTime }, loadScenario(paths.resources));
    json(io, summary);
    return 0;
  } finally {
    db.close();
  }
}

export function verify(argv: string[], _paths: AppPaths, io: Io): number {
  const { values } = parse(argv, { db: { type: 'string' } });
  const file = resolveDb(values.db);
  if (!existsSync(file)) throw new UsageError(`--db: no database at ${file}`);
  const db = openDatabase(file, { mustExist: true });
  try {
    const result = verifyDatabase(db);
    json(io, result);
    return result.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

export async function serve(argv: string[], paths: AppPaths, io: Io): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    port: { type: 'string' },
    basemap: { type: 'string' },
  });
  const port = int('port', values.port, 0, 65535) ?? 5173;
  if (!existsSync(join(paths.renderer, 'index.html'))) {
    throw new UsageError(`the renderer is not built (${paths.renderer}); run: npm run build`);
  }
  const app = openVigie({ dbPath: resolveDb(values.db), resourcesDir: paths.resources });
  const basemap = basemapSlot(app.db);
  try {
    if (values.basemap) basemap.load(resolve(values.basemap));
  } catch (err) {
    app.close();
    throw err instanceof TileFileError ? new UsageError(`--basemap: ${err.message}`) : err;
  }
  const host = await startHost({
    handlers: app.handlers,
    rendererDir: paths.renderer,
    resourcesDir: paths.resources,
    port,
    basemap,
  });
  io.out(JSON.stringify({ url: host.url, db: app.db.name }));
  io.err(`Vigie console: ${host.url}  (loopback only; Ctrl+C stops)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  basemap.close();
  app.close();
  return 0;
}
