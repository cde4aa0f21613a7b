// Where and how often the desktop app keeps rolling backups: `--backup-dir DIR`,
// `--backup-every MINUTES` (0 = off), `--backup-keep N`, else $VIGIE_BACKUP_DIR,
// $VIGIE_BACKUP_EVERY, $VIGIE_BACKUP_KEEP, else backups/<database name>/ beside the database, every 15
// minutes, the newest 48 kept (12 hours). Pure: unit-tested as is.
import path from 'node:path';
import type { RollingSettings } from './rolling.js';

export const DEFAULT_BACKUP_EVERY_MINUTES = 15;
export const DEFAULT_BACKUP_KEEP = 48;

export class BackupSettingsError extends Error {
  override name = 'BackupSettingsError';
}

interface Input {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  dbPath: string;
  cwd: string;
}

function flag(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === `--${name}`) value = argv[++i];
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
  }
  return value;
}

function integer(label: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new BackupSettingsError(`${label}: expected an integer ${min}-${max}, got "${raw}"`);
  }
  return n;
}

export function backupSettings(i: Input): RollingSettings {
  const dir = flag(i.argv, 'backup-dir') ?? i.env.VIGIE_BACKUP_DIR;
  return {
    // One folder per database file, so two databases side by side never prune each other's backups.
    dir: dir
      ? path.resolve(i.cwd, dir)
      : path.join(path.dirname(i.dbPath), 'backups', path.parse(i.dbPath).name),
    everyMinutes: integer(
      '--backup-every',
      flag(i.argv, 'backup-every') ?? i.env.VIGIE_BACKUP_EVERY,
      DEFAULT_BACKUP_EVERY_MINUTES,
      0,
      7 * 24 * 60,
    ),
    keep: integer(
      '--backup-keep',
      flag(i.argv, 'backup-keep') ?? i.env.VIGIE_BACKUP_KEEP,
      DEFAULT_BACKUP_KEEP,
      1,
      10_000,
    ),
  };
}
