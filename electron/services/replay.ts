// The picture as it was at a moment: the journaled rows rebuilt at that entry (store/replay.ts)
// in a private in-memory database, read by the same services as the live picture, for the same
// desk, with the operation clock stopped at that moment. Releasability therefore applies exactly
// as it does live. The source (the running operation or a backup opened read-only) is never written.
import { join } from 'node:path';
import type { Db } from '../store/db.js';
import { sliceSizer } from './background-slice.js';
import { sliceTimer } from './background-gate.js';
import { openSqliteForCheck } from '../store/sqlite.js';
import { ReplayIndex } from '../store/replay.js';
import { listEntries } from '../store/journal.js';
import { listRoutes } from '../store/routes.js';
import { iso } from '../../shared/clock.js';
import { ApiError } from '../../shared/errors.js';
import { refusal } from '../../shared/permissions.js';
import { listIncidentsInput } from '../../shared/api/incidents.js';
import type { ReplayPicture, ReplayRange } from '../../shared/api/replay.js';
import type { Ctx } from './context.js';
import type { Desk } from './desk.js';
import type { BackupControl } from './backup-handlers.js';
import { listUnitViews } from './units.js';
import { listIncidentsFor } from './incident-board.js';
import { withPlaces } from './place-names.js';
import { listZonesFor } from './zones.js';
import { getParade } from './parade.js';
import { getAlertLevel } from './alert-level.js';

const MINUTE_MS = 60_000;
const ENTRIES_SHOWN = 500;

/** One index per database, kept while it is open: the keyframes are built once per session. */
const indexes = new WeakMap<Db, ReplayIndex>();
export function replayIndexOf(db: Db): ReplayIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new ReplayIndex(db);
    indexes.set(db, index);
  }
  return index;
}

/** Entries read per warming slice (sized to take a few ms: background-slice.ts), and the pause between slices. */
const WARM_SLICE_MIN = 200;
const WARM_SLICE_MAX = 5000;
const WARM_PAUSE_MS = 10;

/**
 * Builds the replay's keyframes in the background after opening, a slice at a time between
 * requests, so that the first replay of a long day does not wait for the whole journal to be read
 * (on the bench's 12-hour day that reading is most of the first replay's time). Stops at the end;
 * later entries are read when a replay asks for them.
 */
export function warmReplay(db: Db): { close(): void } {
  let index: ReplayIndex;
  try {
    index = replayIndexOf(db);
  } catch {
    return { close: () => undefined }; // a schema without after-images cannot be replayed at all
  }
  const slice = sliceSizer(WARM_SLICE_MIN, WARM_SLICE_MAX);
  const timer = sliceTimer(WARM_PAUSE_MS, () => {
    try {
      if (slice.run((n) => index.warm(n))) timer.schedule();
    } catch {
      // A replay asked for later reads the journal itself and reports what is wrong then.
    }
  });
  timer.schedule();
  return { close: () => timer.close() };
}

export function replayRange(db: Db, backup: string | null): ReplayRange {
  const { first, last } = replayIndexOf(db).bounds();
  return { backup, first: first?.at ?? null, last: last?.at ?? null };
}

/** The picture at `at` as `desk` would have seen it; `live` is the running operation's context. */
export function replayAt(
  live: Ctx,
  db: Db,
  desk: Desk,
  input: { at: string; backup: string | null },
): ReplayPicture {
  const index = replayIndexOf(db);
  const first = index.bounds().first;
  // The journal's times are all written by iso(): compared as text once the input is too.
  const atMs = Date.parse(input.at);
  const at = iso(atMs);
  if (!first || at < first.at) {
    const message = first
      ? `before the first entry the journal can replay (${first.at})`
      : 'the journal holds no entry to replay';
    throw new ApiError({
      code: 'invalid_input',
      message: `replayAt: at: ${message}`,
      issues: [{ path: 'at', message }],
    });
  }
  const seq = index.seqAt(at);
  const picture = index.pictureAt(seq ?? first.seq - 1);
  const ctx: Ctx = { db: picture, clock: { now: () => atMs }, real: live.real };
  const incidents = listIncidentsFor(
    ctx,
    desk,
    listIncidentsInput.parse({ includeClosed: true, limit: 100_000 }),
  );
  return {
    backup: input.backup,
    at,
    seq,
    units: listUnitViews(ctx),
    incidents: withPlaces(ctx, desk, incidents),
    zones: listZonesFor(ctx, desk),
    routes: listRoutes(picture),
    parade: getParade(ctx, {}),
    alertLevel: getAlertLevel(ctx),
    entries: readsJournal(desk) ? minuteOf(db, atMs) : null,
  };
}

const readsJournal = (desk: Desk) => !!desk.operator && refusal('listJournal', desk.operator.role) === null;

/** The entries of the moment's minute up to the moment itself: what had happened in it by then. */
function minuteOf(db: Db, atMs: number) {
  const from = Math.floor(atMs / MINUTE_MS) * MINUTE_MS;
  return listEntries(db, { from: iso(from), to: iso(atMs + 1), limit: ENTRIES_SHOWN });
}

/**
 * The backups a replay may open, one at a time: opened read-only as they are (never migrated),
 * kept open while they are replayed so their keyframes are built once.
 */
export class BackupReplays {
  private open: { file: string; db: Db } | null = null;

  constructor(private readonly control: BackupControl | undefined) {}

  db(file: string, desk: Desk): Db {
    const role = desk.operator?.role ?? '';
    const refused = refusal('listBackups', role);
    if (refused) throw new ApiError({ code: 'forbidden', message: `replay of a backup: ${refused}` });
    const dir = this.control?.list().dir ?? null;
    if (!this.control || dir === null || !this.control.isListed(file)) {
      const message = 'not one of the listed backups (listBackups)';
      throw new ApiError({
        code: 'invalid_input',
        message: `backup: ${message}`,
        issues: [{ path: 'backup', message }],
      });
    }
    if (this.open?.file !== file) {
      this.close();
      this.open = { file, db: openSqliteForCheck(join(dir, file)) };
    }
    return this.open.db;
  }

  close(): void {
    if (this.open) replayIndexOf(this.open.db).close();
    this.open?.db.close();
    this.open = null;
  }
}
