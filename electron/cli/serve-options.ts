// `vigie serve`'s flags, all checked before anything listens or the database is opened: a refused
// address, certificate, folder or TAK server touches nothing. Light on purpose (no engine, no
// services): the command listens as soon as these are read (serve-command.ts).
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AppPaths } from '../app-root.js';
import { backupSettings, BackupSettingsError } from '../backup/settings.js';
import type { RollingSettings } from '../backup/rolling.js';
import { listenPlan, ListenError, type Listen } from '../host/listen.js';
import type { TakTarget } from '../services/tak-address.js';
import { isRoomUrl } from '../store/location.js';
import { int, parse, resolveDb, UsageError } from './args.js';
import { TAK_FLAGS, takTarget } from './tak-flags.js';

export interface ServeOptions {
  dbPath: string;
  port: number;
  listen: Listen;
  /** --basemap, resolved. */
  basemap?: string;
  backups: RollingSettings;
  tak: TakTarget | null;
  headFile?: string;
}

export function serveOptions(argv: string[], paths: AppPaths): ServeOptions {
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
  return {
    dbPath,
    port,
    listen,
    backups,
    ...(values.basemap !== undefined && { basemap: resolve(values.basemap) }),
    tak,
    ...(headFile !== undefined && { headFile }),
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
