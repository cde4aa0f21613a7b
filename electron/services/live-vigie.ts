// A running Vigie, the desktop app's and `vigie serve`'s alike: the database opened through
// openVigie, its rolling backups, and the swap a restore needs. The transports are given
// `handlers`, which stay the same object across a restore and always reach the database open now.
import { resolve } from 'node:path';
import { CALL_NAMES } from '../../shared/call-names.js';
import { realTime } from '../../shared/clock.js';
import { isListedBackup, listBackupFiles } from '../backup/listing.js';
import { startRollingBackups, type RollingBackups, type RollingSettings } from '../backup/rolling.js';
import { moveBasemapSlot } from '../tiles/slot.js';
import { openVigie, type OpenVigieOptions, type VigieApp } from './app.js';
import type { BackupControl } from './backup-handlers.js';
import { restoreLive } from './backup-restore.js';
import type { Desk } from './desk.js';
import type { Handlers } from './dispatch.js';
import type { FeedEvent } from './feed.js';

export interface LiveVigieOptions extends Omit<OpenVigieOptions, 'backups'> {
  backups: RollingSettings;
  onBackupError?: (err: unknown) => void;
  /** A failed scheduler step (the database unreachable): reported, tried again next second. */
  onSchedulerError?: (err: unknown) => void;
  injectEveryMs?: number;
}

/** What a restore needs from the running app. */
export interface Swappable {
  dbFile: string;
  backupDir: string;
  now(): Date;
  current(): VigieApp;
  /** A rolling backup is being copied from the open database. */
  busy(): boolean;
  /**
   * Closes the database, runs `replace` on the closed file and reopens it through openVigie
   * (migrations, seed, clock, chain check). If `replace` throws, the file as it was is reopened; if
   * the reopen fails, `undo` runs on the closed file before reopening again. Errors are rethrown.
   */
  swap(replace: () => void, undo: () => void): VigieApp;
}

export interface LiveVigie {
  handlers: Handlers;
  current(): VigieApp;
  /** The rolling backups of the database open now (restarted after a restore). */
  rolling(): RollingBackups;
  /** Stops the rolling backups (waiting for one under way) and closes the database. */
  close(): Promise<void>;
}

export function startLiveVigie(o: LiveVigieOptions): LiveVigie {
  const real = o.real ?? realTime;
  const plan = o.backups;
  const control: BackupControl = {
    list: () => ({
      dir: plan.dir,
      everyMinutes: plan.everyMinutes,
      keep: plan.keep,
      backups: listBackupFiles(plan.dir),
    }),
    isListed: (file) => isListedBackup(plan.dir, file),
    restore: (file, who) => restoreLive(live, file, who),
  };
  const open = () => openVigie({ ...o, backups: control });
  const roll = (a: VigieApp) =>
    startRollingBackups(a.db, plan, { now: () => new Date(real.now()), onError: o.onBackupError });
  let app = open();
  let rolling = roll(app);
  let closed = false;
  // The inject scheduler: each second, the injects due by the exercise clock are played in (a
  // room's servers all run it; the claim in injects.ts lets one of them play each inject).
  const scheduler = setInterval(() => {
    try {
      app.fireDueInjects();
    } catch (err) {
      o.onSchedulerError?.(err);
    }
  }, o.injectEveryMs ?? 1000);
  scheduler.unref();

  const reopen = (old: VigieApp) => {
    app = open();
    moveBasemapSlot(old.db, app.db);
    rolling = roll(app);
  };

  const live: Swappable = {
    dbFile: resolve(o.dbPath),
    backupDir: plan.dir,
    now: () => new Date(real.now()),
    current: () => app,
    busy: () => rolling.busy(),
    swap: (replace, undo) => {
      void rolling.stop(); // nothing under way (the caller checked busy): only the timer stops
      const old = app;
      old.close();
      try {
        replace();
      } catch (err) {
        reopen(old);
        throw err;
      }
      try {
        reopen(old);
      } catch (err) {
        undo();
        reopen(old);
        throw err;
      }
      return app;
    },
  };

  return {
    handlers: forwardTo(() => app.handlers),
    current: () => app,
    rolling: () => rolling,
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(scheduler);
      await rolling.stop();
      app.close();
    },
  };
}

/** One handler per call that runs the current app's: the same object survives a reopen. */
function forwardTo(current: () => Handlers): Handlers {
  const out: Partial<Record<string, (input: unknown, desk: Desk) => unknown>> = {};
  for (const name of CALL_NAMES) {
    out[name] = (input, desk) => (current()[name] as (input: unknown, desk: Desk) => unknown)(input, desk);
  }
  return out as Handlers;
}

/**
 * The exercise clock follows the journal's feed: each move (a supervisor's change on any server of
 * the room, or another process on the file) and each return of the room re-reads it.
 */
export function clockFollowsFeed(
  feed: { subscribe(listener: (e: FeedEvent) => void): () => void },
  live: Pick<LiveVigie, 'current'>,
): () => void {
  return feed.subscribe((e) => {
    if (e.kind === 'status' && e.status.state !== 'ok') return;
    try {
      live.current().refreshClock();
    } catch {
      // the room is down: the feed says so, and its return (status ok) brings the clock back
    }
  });
}
