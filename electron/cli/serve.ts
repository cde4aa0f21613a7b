// `vigie serve`: the console in a browser on 127.0.0.1 (or, with --listen and a TLS pair, a room
// server on the network: host/listen.ts), over the same running app as the desktop's
// (electron/services/live-vigie.ts): rolling backups with the desktop's settings (--backup-dir,
// --backup-every, --backup-keep or $VIGIE_BACKUP_*), restores from the console. Ctrl+C (or
// SIGTERM) stops the host, waits for a backup under way, and closes the database. The journal's head
// is kept in FILE.head beside a file, or in --head-file (a room has no default: see the README).
import { hostAccess } from '../services/host-access.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AppPaths } from '../app-root.js';
import { backupSettings, BackupSettingsError } from '../backup/settings.js';
import type { RollingSettings } from '../backup/rolling.js';
import { startHost, type Host } from '../host/server.js';
import { listenPlan, ListenError, type Listen } from '../host/listen.js';
import { clockFollowsFeed, startLiveVigie, type LiveVigie } from '../services/live-vigie.js';
import { startFeed } from '../services/feed.js';
import { snapshotSource } from '../host/snapshot.js';
import { isRoomUrl } from '../store/db.js';
import { BASEMAP_META, getMeta } from '../store/meta.js';
import { untilReachable } from './reachable.js';
import { basemapSlot } from '../tiles/slot.js';
import { TileFileError } from '../tiles/types.js';
import { int, parse, resolveDb, UsageError } from './args.js';
import type { Io } from './commands.js';
import { TAK_FLAGS, takTarget } from './tak-flags.js';

export interface Serving {
  host: Host;
  live: LiveVigie;
  backups: RollingSettings;
  stop(): Promise<void>;
}

/** Opens the database, starts the rolling backups and the host; `stop` undoes all three. */
export async function startServing(argv: string[], paths: AppPaths, io: Io): Promise<Serving> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    port: { type: 'string' },
    basemap: { type: 'string' },
    'backup-dir': { type: 'string' },
    'backup-every': { type: 'string' },
    'backup-keep': { type: 'string' },
    listen: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'head-file': { type: 'string' },
    ...TAK_FLAGS,
  });
  const tak = takTarget(values);
  const headFile = headFileOption(values['head-file']);
  const port = int('port', values.port, 0, 65535) ?? 5173;
  // Checked before the database is opened: a refused address or certificate touches nothing.
  let listen: Listen;
  try {
    listen = listenPlan({ listen: values.listen, cert: values['tls-cert'], key: values['tls-key'] });
  } catch (err) {
    throw err instanceof ListenError ? new UsageError(err.message) : err;
  }
  if (!existsSync(join(paths.renderer, 'index.html'))) {
    throw new UsageError(`the renderer is not built (${paths.renderer}); run: npm run build`);
  }
  const dbPath = resolveDb(values.db);
  let backups: RollingSettings;
  try {
    backups = backupSettings({ argv, env: process.env, dbPath, cwd: process.cwd() });
  } catch (err) {
    throw err instanceof BackupSettingsError ? new UsageError(err.message) : err;
  }
  // A room is archived with `vigie backup --db URL` (any server, any time) and protected by
  // PostgreSQL's own replication; the rolling file copies are a desk's.
  if (isRoomUrl(dbPath)) backups = { ...backups, everyMinutes: 0 };
  const live = await untilReachable(
    () =>
      startLiveVigie({
        dbPath,
        resourcesDir: paths.resources,
        backups,
        tak,
        ...(headFile !== undefined && { headFile }),
        onBackupError: (err) => io.err(`vigie serve: rolling backup failed: ${(err as Error).message}`),
        onSchedulerError: (err) => io.err(`vigie serve: injects: ${(err as Error).message}`),
      }),
    (line) => io.err(`vigie serve: ${line}`),
  );
  const basemap = basemapSlot(live.current().db);
  const feed = startFeed({ current: () => live.current().db, location: dbPath });
  // The head file follows every commit the feed hears of: other servers' on a room, too.
  const unfollowHead = feed.subscribe((e) => {
    if (e.kind === 'moved') live.current().head?.moved();
  });
  // So does the exercise clock: a supervisor's pause on another server reaches this one's services.
  const unfollowClock = clockFollowsFeed(feed, live);
  const unfollow = () => {
    unfollowHead();
    unfollowClock();
  };
  const snapshot = snapshotSource(() => live.current().db);
  const undo = async () => {
    basemap.close();
    snapshot.close();
    unfollow();
    await feed.close();
    await live.close();
  };
  let host: Host;
  try {
    // Without --basemap, the base map the operation's scenario package named (vigie new), if any.
    const packaged = getMeta(live.current().db, BASEMAP_META);
    if (values.basemap) basemap.load(resolve(values.basemap));
    else if (packaged) basemap.load(packaged);
    host = await startHost({
      handlers: live.handlers,
      db: () => live.current().db,
      rendererDir: paths.renderer,
      resourcesDir: paths.resources,
      port,
      basemap,
      feed,
      snapshot,
      listen,
      access: hostAccess(() => live.current().ctx),
    });
  } catch (err) {
    await undo();
    throw err instanceof TileFileError ? new UsageError(`--basemap: ${err.message}`) : err;
  }
  return {
    host,
    live,
    backups,
    stop: async () => {
      await host.close();
      await undo();
    },
  };
}

/** --head-file: its folder must exist (checked before the database is opened). */
function headFileOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const file = resolve(value);
  let folder = false;
  try {
    folder = statSync(dirname(file)).isDirectory();
  } catch {
    // reported below
  }
  if (!folder) throw new UsageError(`--head-file: no folder ${dirname(file)} to write ${file} in`);
  return file;
}

export async function serve(argv: string[], paths: AppPaths, io: Io): Promise<number> {
  const s = await startServing(argv, paths, io);
  const { url, fingerprint } = s.host;
  io.out(JSON.stringify({ url, db: s.live.current().db.location, backups: s.backups.dir, fingerprint }));
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
