// Rolling backups for the running app: every `everyMinutes` a backup named vigie-<UTC stamp>.db
// (and its head file) goes into `dir`, and only the newest `keep` of those are kept (files of any
// other name in the folder are never touched). One backup at a time; a failure is reported and the
// next tick tries again. The naming and pruning rules are pure functions, tested on their own.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/db.js';
import { backupDatabase, type BackupReport } from './backup.js';
import { fileStamp } from './files.js';
import { headFileFor } from './head-file.js';

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

/**
 * The counter for a backup taken at `at`: past every one of the same second still there, so the
 * new file sorts newest (reusing a pruned lower counter would make it the first to be pruned).
 */
export function nextCounter(names: readonly string[], at: Date): number {
  const stamp = fileStamp(at);
  let next = 0;
  for (const n of names) {
    const m = /^vigie-(\d{8}-\d{6}Z)(?:-(\d+))?\.db$/.exec(n);
    if (m?.[1] === stamp) next = Math.max(next, Number(m[2] ?? 0) + 1);
  }
  return next;
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
  /** True while a backup is being copied (the database must stay open until it ends). */
  busy(): boolean;
  /** No more ticks; resolves once the backup under way, if any, has ended. */
  stop(): Promise<void>;
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
    const at = now();
    const name = rollingBackupName(at, nextCounter(readdirSafe(s.dir), at));
    const report = await backupDatabase(db, join(s.dir, name));
    const pruned = backupsToPrune(readdirSafe(s.dir), s.keep);
    for (const old of pruned) {
      rmSync(join(s.dir, old), { force: true });
      rmSync(headFileFor(join(s.dir, old)), { force: true });
    }
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
  return {
    runNow,
    busy: () => running !== null,
    stop: async () => {
      if (timer) clearInterval(timer);
      while (running) await running.catch(() => undefined);
    },
  };
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
