// Moves pushed with their position (live/apply.ts pushedMove), applied to the units the desk holds
// without reading the list again. A move is the row's next version when the desk holds the one
// before it: the position, the fix and the version are then exactly what a re-read would bring,
// so the next edit sends the right version (no false conflict). When the desk holds an older
// version than that, another change (a status, a roster) came in between: the unit is drawn where
// it now is, but keeps the version the desk last read, so an edit made on the stale row still
// gets its conflict, and the units are read again.
import type { Unit } from '../../shared/domain';
import type { PushedMove } from '../live/apply';

export interface MovesApplied {
  /** The list with the moved rows replaced; the same list when no move changed anything. */
  units: Unit[];
  /** The rows as moved, by id (what a units read still on its way must not undo). */
  moved: Map<string, Unit>;
  /** Some move could not be applied whole (an unknown unit, a change missed): read the units. */
  reread: boolean;
}

/** The unit as the move leaves it; `version` whether the desk held the version just before it. */
function moveRow(u: Unit, m: PushedMove, version: boolean): Unit {
  return {
    ...u,
    lat: m.lat,
    lon: m.lon,
    venueId: m.venueId,
    positionAt: m.positionAt,
    positionSource: m.positionSource,
    // A fix just made is not stale; the periodic full read catches up with the clock.
    positionStale: false,
    version: version ? m.version : u.version,
  };
}

/** Applies the moves (oldest first) to `units`. */
export function applyMoves(units: readonly Unit[], moves: readonly PushedMove[]): MovesApplied {
  const index = new Map<string, number>();
  units.forEach((u, i) => index.set(u.id, i));
  const moved = new Map<string, Unit>();
  let reread = false;
  for (const m of moves) {
    const i = index.get(m.id);
    const u = i === undefined ? undefined : (moved.get(m.id) ?? units[i]);
    if (!u) {
      reread = true;
      continue;
    }
    // Already held: this desk's own move answered first, or a read brought it.
    if (m.version <= u.version) continue;
    const next = m.version === u.version + 1;
    if (!next) reread = true;
    moved.set(m.id, moveRow(u, m, next));
  }
  if (!moved.size) return { units: units as Unit[], moved, reread };
  return { units: units.map((u) => moved.get(u.id) ?? u), moved, reread };
}

/**
 * A units read merged with the moves applied since it left: a row the read brings at an older
 * version than a pushed move gave it stays as moved (the read was answered before the move).
 */
export function keepMoved(read: Unit[], movedSince: ReadonlyMap<string, Unit>): Unit[] {
  if (!movedSince.size) return read;
  return read.map((r) => {
    const m = movedSince.get(r.id);
    return m && m.version > r.version ? m : r;
  });
}
