// `vigie serve`'s running part: the console in a browser on 127.0.0.1 (or, with --listen and a TLS
// pair, a room server on the network: host/listen.ts), over the same running app as the desktop's
// (electron/services/live-vigie.ts): rolling backups with the desktop's settings (--backup-dir,
// --backup-every, --backup-keep or $VIGIE_BACKUP_*), restores from the console. The journal's head
// is kept in FILE.head beside a file, or in --head-file (a room has no default: see the README).
// The command itself (serve-command.ts) listens first and loads this module while the page paints.
import { hostAccess } from '../services/host-access.js';
import type { AppPaths } from '../app-root.js';
import type { RollingSettings } from '../backup/rolling.js';
import { startHost, type Host } from '../host/server.js';
import type { EarlyHost } from '../host/early.js';
import { clockFollowsFeed, startLiveVigie, type LiveVigie } from '../services/live-vigie.js';
import { startFeed } from '../services/feed.js';
import { snapshotSource } from '../host/snapshot.js';
import { BASEMAP_META, getMeta } from '../store/meta.js';
import { untilReachable } from './reachable.js';
import { basemapSlot } from '../tiles/slot.js';
import { TileFileError } from '../tiles/types.js';
import { UsageError } from './args.js';
import type { Io } from './commands.js';
import { serveOptions, type ServeOptions } from './serve-options.js';

export interface Serving {
  host: Host;
  live: LiveVigie;
  backups: RollingSettings;
  stop(): Promise<void>;
}

/** Opens the database, starts the rolling backups and the host; `stop` undoes all three. */
export function startServing(argv: string[], paths: AppPaths, io: Io): Promise<Serving> {
  return startWith(serveOptions(argv, paths), paths, io);
}

/** The same from checked options, on a listener already serving the page when `early` is given. */
export async function startWith(
  opts: ServeOptions,
  paths: AppPaths,
  io: Io,
  early?: EarlyHost,
): Promise<Serving> {
  const { dbPath, backups, tak, headFile } = opts;
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
    if (opts.basemap) basemap.load(opts.basemap);
    else if (packaged) basemap.load(packaged);
    host = await startHost({
      handlers: live.handlers,
      db: () => live.current().db,
      rendererDir: paths.renderer,
      resourcesDir: paths.resources,
      port: opts.port,
      basemap,
      feed,
      snapshot,
      listen: opts.listen,
      access: hostAccess(() => live.current().ctx),
      ...(early && { early }),
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
