// What the live feed carries to a console, on both transports (the browser host's GET /events and
// the desktop's long poll): which journal entries are new (what changed; the console re-reads the
// rows it shows) and whether the room's database answers. A unit's move is the one change that
// comes with its data: a tracking gateway sends hundreds a second, and re-reading the whole units
// list for each merged batch is what kept the map's frames long.

export interface LiveEntry {
  seq: number;
  action: string;
  entityType: string;
  entityId: string | null;
  operator: string;
  desk: string;
  /** On `unit.moved`, for a desk that may read the units: the unit's row fields the move changed. */
  move?: UnitMove;
}

/** A unit's position after a move, as its row then reads (Unit's fields of the same names). */
export interface UnitMove {
  lat: number;
  lon: number;
  venueId: string | null;
  positionAt: string;
  positionSource: string;
  /** The row's version after the move: the next edit's expected version. */
  version: number;
}

export interface RoomStatus {
  /** 'ok' while the database answers; 'lost' since `since` otherwise. */
  state: 'ok' | 'lost';
  since: string | null;
  detail?: string | null;
}

export interface LiveBatch {
  head: number;
  entries: LiveEntry[];
  /** Too much was missed for a list of entries: read everything again. */
  reload: boolean;
  room: RoomStatus;
}

const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The move a `unit.moved` entry's data records ({source, to: {lat, lon, venueId, at}, version}),
 * or null: entries written before the version and the fix time were recorded carry too little.
 */
export function moveOf(data: unknown): UnitMove | null {
  const d = record(data);
  const to = record(d?.['to']);
  if (!d || !to) return null;
  const move = {
    lat: to['lat'],
    lon: to['lon'],
    venueId: to['venueId'],
    positionAt: to['at'],
    positionSource: d['source'],
    version: d['version'],
  };
  return isUnitMove(move) ? move : null;
}

/** Whether a pushed entry's `move` is whole (a console checks what the transport brought). */
export function isUnitMove(m: unknown): m is UnitMove {
  const r = record(m);
  if (!r) return false;
  const { lat, lon, venueId, positionAt, positionSource, version } = r;
  return (
    isNum(lat) &&
    isNum(lon) &&
    (venueId === null || typeof venueId === 'string') &&
    typeof positionAt === 'string' &&
    typeof positionSource === 'string' &&
    Number.isSafeInteger(version) &&
    (version as number) > 0
  );
}

/** An entry as the feed reads it: a journal entry (with its data) or one relayed from a room. */
export type FeedEntry = LiveEntry & { data?: unknown };

/**
 * An entry as pushed: the fields a console needs to know what to re-read, and on a move the new
 * position when `positions` (the desk may read the units; the entry itself passed its filter).
 */
export function liveEntry(e: FeedEntry, positions: boolean): LiveEntry {
  const { seq, action, entityType, entityId, operator, desk } = e;
  const out: LiveEntry = { seq, action, entityType, entityId, operator, desk };
  if (!positions || action !== 'unit.moved') return out;
  const move = e.move ?? moveOf(e.data);
  if (move) out.move = move;
  return out;
}

/**
 * What one desk is sent of a run of entries: those `visible` lets through (all when none), each
 * with a position only then; the one place both transports filter, so a position never rides an
 * entry the desk may not read.
 */
export function pushedEntries<E extends FeedEntry>(
  entries: readonly E[],
  visible: ((e: E) => boolean) | undefined,
  positions: boolean,
): LiveEntry[] {
  const out: LiveEntry[] = [];
  for (const e of entries) if (!visible || visible(e)) out.push(liveEntry(e, positions));
  return out;
}
