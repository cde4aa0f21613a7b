// Rolling backups for the running app: every `everyMinutes` a backup named vigie-<UTC stamp>.db
// goes into `dir`, and only the newest `keep` of those files are kept (files of any other name in
// the folder are never touched). One backup at a time; a failure is reported and the next tick
// tries again. The naming and pruning rules are pure functions, tested on their own.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/db.js';
import { backupDatabase, type BackupReport } from './backup.js';
import { fileStamp } from './files.js';

export interface RollingSettings {
  dir: string;
  /** 0 turns rolling backups off. */
  everyMinutes: number;
  keep: number;
}

const NAME = /^vigie-\d{8}-\d{6}Z(-\d+)?\.db$/;

export const rollingBackupName = (date: Date, n = 0): string =>
  `vigie-${fileStamp(date)}${n ? `-${n}` : ''}.db`;

/** The rolling backups (by name) to delete so that only the newest `keep` remain. */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  const ours = names.filter((n) => NAME.test(n)).sort(byAge);
  return ours.slice(0, Math.max(0, ours.length - keep));
}

/** Oldest first; same-second backups ordered by their counter. */
function byAge(a: string, b: string): number {
  const key = (n: string) => {
    const m = /^vigie-(\d{8}-\d{6})Z(?:-(\d+))?\.db$/.exec(n);
    return [m?.[1] ?? '', Number(m?.[2] ?? 0)] as const;
  };
  const [sa, na] = key(a);
  const [sb, nb] = key(b);
  return sa === sb ? na - nb : sa < sb ? -1 : 1;
}

export interface RollingBackups {
  /** Takes one backup now (waits for a running one first) and prunes. */
  runNow(): Promise<BackupReport>;
  stop(): void;
}

export interface RollingHooks {
  onBackup?: (report: BackupReport, pruned: string[]) => void;
  onError?: (err: unknown) => void;
  now?: () => Date;
}

export function startRollingBackups(db: Db, s: RollingSettings, hooks: RollingHooks = {}): RollingBackups {
  const now = hooks.now ?? (() => new Date());
  let running: Promise<BackupReport> | null = null;

  const takeOne = async (): Promise<BackupReport> => {
    const existing = new Set(readdirSafe(s.dir));
    let n = 0;
    let name = rollingBackupName(now());
    while (existing.has(name)) name = rollingBackupName(now(), ++n);
    const report = await backupDatabase(db, join(s.dir, name));
    const pruned = backupsToPrune(readdirSafe(s.dir), s.keep);
    for (const old of pruned) rmSync(join(s.dir, old), { force: true });
    hooks.onBackup?.(report, pruned);
    return report;
  };

  const runNow = async (): Promise<BackupReport> => {
    while (running) await running.catch(() => undefined);
    running = takeOne();
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  const timer =
    s.everyMinutes > 0
      ? setInterval(() => {
          if (running) return; // the previous one is still copying: skip this tick
          runNow().catch((err: unknown) => hooks.onError?.(err));
        }, s.everyMinutes * 60_000)
      : null;
  timer?.unref();
  return { runNow, stop: () => (timer ? clearInterval(timer) : undefined) };
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
