// Opens Vigie on a database file: migrate, seed the built-in exercise on first run, start the
// exercise clock on first open, check the journal chain (from its checkpoint), and hand back the contract's handlers.
import type { Db } from '../store/db.js';
import { isRoomUrl, openDatabase } from '../store/db.js';
import { resolve } from 'node:path';
import { headFileFor } from '../backup/head-file.js';
import { startHeadWriter, type HeadWriter } from './head-anchor.js';
import { getOperation, setOperation } from '../store/meta.js';
import { clockFor, iso, liveClock, realTime, type Clock } from '../../shared/clock.js';
import { operationClock } from './exercise-clock.js';
import { fireDueInjects } from './injects.js';
import type { Inject } from '../../shared/exercise.js';
import type { Ctx } from './context.js';
import { journal, SYSTEM } from './context.js';
import { findShippedScenario, loadScenario } from './scenario-load.js';
import { seedScenario } from './seed.js';
import { checkChain, type SessionState } from './session.js';
import { watchChain } from './chain-check.js';
import { warmReplay } from './replay.js';
import type { TakTarget } from './tak-address.js';
import { refuseUntrustedSchema, restoreSchema } from './schema-guard.js';
import { createHandlers } from './handlers.js';
import { liveDemoLogins, migrateTypedOperators } from './operator-accounts-boot.js';
import type { Handlers } from './dispatch.js';
import type { BackupControl } from './backup-handlers.js';

export interface OpenVigieOptions {
  dbPath: string;
  resourcesDir: string;
  /** Seed the Paris 2024 exercise into an empty database (default true). */
  seed?: boolean;
  /** Real time source; tests pass a fixed clock. */
  real?: Clock;
  /** The running app's backups (live-vigie.ts); without it listBackups is empty. */
  backups?: BackupControl;
  /** Where an alarm about the database goes (restored triggers); stderr by default. */
  onAlarm?: (message: string) => void;
  /**
   * Where the journal's head is kept current (services/head-anchor.ts): default FILE.head beside a
   * SQLite file, none for a room (`vigie serve --head-file`); null for none.
   */
  headFile?: string | null;
  /**
   * Check the journal's older entries in the background after opening (chain-check.ts); default
   * true. A one-shot command that closes straight away sets false.
   */
  background?: boolean;
  /** The room's TAK server (`vigie serve --tak`), for the console's sends; none by default. */
  tak?: TakTarget | null;
}

export interface VigieApp {
  db: Db;
  ctx: Ctx;
  state: SessionState;
  handlers: Handlers;
  /** Keeps the head file current, if there is one; a room's server also feeds it others' commits. */
  head: HeadWriter | null;
  /** Re-reads the exercise clock (a change on another server of the room). */
  refreshClock(): void;
  /** The inject scheduler's step: plays in the injects due by the exercise clock (injects.ts). */
  fireDueInjects(): Inject[];
  close(): void;
}

export function openVigie(o: OpenVigieOptions): VigieApp {
  const db = openDatabase(o.dbPath);
  try {
    const schema = refuseUntrustedSchema(db);
    const real = o.real ?? realTime;
    const boot: Ctx = { db, clock: real, real };
    if (o.seed !== false && !getOperation(db)) seedScenario(boot, loadScenario(o.resourcesDir));
    // One clock object for every service: a supervisor's change (here or on another server of the
    // room, heard on the live feed) is followed by replacing what it reads, not the object.
    const clock = liveClock(startClock(boot));
    const ctx: Ctx = { db, clock, real, refreshClock: () => clock.follow(operationClock(db, real)) };
    const alarm = o.onAlarm ?? ((m: string) => console.error(m));
    const restored = restoreSchema(ctx, schema, alarm);
    migrateTypedOperators(ctx);
    const watch = watchChain(db, {
      now: () => iso(real.now()),
      onAlarm: alarm,
      background: o.background ?? true,
    });
    const state = { ...checkChain(ctx, demoLogins(ctx, o.resourcesDir), watch), schemaRestored: restored };
    const file = o.headFile === undefined ? defaultHeadFile(o.dbPath) : o.headFile;
    const head = file === null ? null : startHeadWriter(db, { file });
    // The replay's keyframes too, in the background (a one-shot command closes before they start).
    const warm = o.background === false ? null : warmReplay(db);
    const close = () => {
      warm?.close();
      watch.close();
      head?.close();
      db.close();
    };
    const handlers = createHandlers(
      ctx,
      state,
      o.backups,
      { dbPath: o.dbPath, resourcesDir: o.resourcesDir },
      o.tak ?? null,
    );
    return {
      db,
      ctx,
      state,
      handlers,
      head,
      refreshClock: () => ctx.refreshClock?.(),
      fireDueInjects: () => fireDueInjects(ctx, handlers),
      close,
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Beside a SQLite file; a room has no file beside it. */
const defaultHeadFile = (dbPath: string): string | null =>
  isRoomUrl(dbPath) ? null : headFileFor(resolve(dbPath));

/** The demo logins of the exercise this database holds, when it was seeded from a shipped scenario package. */
function demoLogins(ctx: Ctx, resourcesDir: string) {
  const op = getOperation(ctx.db);
  if (op?.mode !== 'exercise') return [];
  const s = op.scenarioId ? findShippedScenario(resourcesDir, op.scenarioId) : null;
  return s ? liveDemoLogins(ctx, s.scenario.demoLogins) : [];
}

/** An exercise clock starts at the scenario's start the first time the console opens it. */
function startClock(boot: Ctx): Clock {
  const op = getOperation(boot.db);
  if (!op) return boot.real;
  if (op.mode === 'exercise' && op.scenarioStart && !op.anchorReal) {
    const anchorReal = iso(boot.real.now());
    boot.db.transaction(() => {
      setOperation(boot.db, { ...op, anchorReal });
      journal({ ...boot, clock: clockFor({ ...op, anchorReal }, boot.real) }, SYSTEM, {
        action: 'exercise.clock_started',
        entityType: 'operation',
        entityId: op.scenarioId,
        data: { scenarioStart: op.scenarioStart, anchorReal },
      });
    })();
    return clockFor({ ...op, anchorReal }, boot.real);
  }
  return operationClock(boot.db, boot.real);
}
