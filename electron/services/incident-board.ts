// The board's reads: the incidents a desk may see for a filter, whole or one page at a time, each
// with the units working it. Units are read for the returned incidents only, not for the whole
// operation.
import type { z } from 'zod';
import type { Ctx } from './context.js';
import type { Desk } from './desk.js';
import { releaseScope } from './releasability.js';
import { matchesVisibleText } from './text-match.js';
import type { IncidentPage, listIncidentsInput } from '../../shared/api/incidents.js';
import type { IncidentPointRow } from '../../shared/incident-points.js';
import { boardCursorOf, isAfter, parseBoardCursor } from '../../shared/board-cursor.js';
import type { Incident, IncidentRow } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { countIncidents, listIncidents, type IncidentFilter } from '../store/incidents.js';
import { hiddenNoteCount, listNotes } from '../store/incident-notes.js';
import { activeAssignedUnits } from '../store/assignments.js';
import { listIncidentPoints } from '../store/incident-points.js';

/** From this many incidents on, the units are read for every incident at once. */
const ALL_ASSIGNMENTS_FROM = 2_000;

type BoardInput = Omit<z.output<typeof listIncidentsInput>, 'after'> & { after?: string | undefined };

function filterOf(input: BoardInput, desk: Desk, ctx: Ctx): IncidentFilter {
  const { after, ...rest } = input;
  const cursor = after === undefined ? undefined : parseBoardCursor(after);
  if (cursor === null)
    throw new ApiError({
      code: 'invalid_input',
      message: 'after: not a board cursor (priority|createdAt|id)',
    });
  return { ...rest, after: cursor, release: releaseScope(ctx.db, desk) };
}

/** The board as this desk may see it: only incidents released to it, text matched on what it sees. */
export function listIncidentsFor(ctx: Ctx, desk: Desk, input: BoardInput): IncidentRow[] {
  const filter = filterOf(input, desk, ctx);
  return withUnits(ctx, visibleText(ctx, filter, listIncidents(ctx.db, filter)));
}

/** One page of the board, the number of incidents that match in all, and where the next page starts. */
export function listIncidentPageFor(ctx: Ctx, desk: Desk, input: BoardInput): IncidentPage {
  const filter = filterOf(input, desk, ctx);
  if (filter.release && filter.text) {
    // A text match may come from a note this desk may not see: only the whole list, checked, counts.
    const all = visibleText(ctx, filter, listIncidents(ctx.db, { ...filter, after: undefined, limit: 1e9 }));
    const from = filter.after;
    const at = from ? all.findIndex((i) => isAfter(i, from)) : 0;
    const start = at < 0 ? all.length : at;
    const rows = all.slice(start, start + filter.limit);
    const last = rows.at(-1);
    const more = start + rows.length < all.length;
    return { rows: withUnits(ctx, rows), total: all.length, next: more && last ? boardCursorOf(last) : null };
  }
  // One row more than asked says whether a next page exists.
  const found = listIncidents(ctx.db, { ...filter, limit: filter.limit + 1 });
  const rows = found.slice(0, filter.limit);
  const last = rows.at(-1);
  return {
    rows: withUnits(ctx, rows),
    total: countIncidents(ctx.db, filter),
    next: found.length > rows.length && last ? boardCursorOf(last) : null,
  };
}

/** Every incident the filter matches as a point, released to this desk as the board's rows are. */
export function listIncidentPointsFor(
  ctx: Ctx,
  desk: Desk,
  input: Omit<BoardInput, 'limit'>,
): IncidentPointRow[] {
  const filter = filterOf({ ...input, limit: 0 }, desk, ctx);
  const points = listIncidentPoints(ctx.db, filter);
  if (!filter.release || !filter.text) return points;
  // A text match may come from a note this desk may not see: the board's own check decides.
  const seen = new Set(
    visibleText(ctx, filter, listIncidents(ctx.db, { ...filter, limit: points.length })).map((i) => i.id),
  );
  return points.filter((p) => seen.has(p[0]));
}

/** The full-text index holds every note; a match may have come from one this desk may not see. */
function visibleText(ctx: Ctx, filter: IncidentFilter, found: Incident[]): Incident[] {
  const { release: scope, text } = filter;
  if (!scope || !text) return found;
  return found.filter(
    (i) =>
      hiddenNoteCount(ctx.db, i.id, scope) === 0 ||
      matchesVisibleText(text, [
        i.title,
        i.description,
        ...listNotes(ctx.db, i.id, scope).map((n) => n.text),
      ]),
  );
}

/** The board's rows for the filter (filter.release absent: every incident, as the CLI exports). */
export function listIncidentRows(ctx: Ctx, filter: IncidentFilter): IncidentRow[] {
  return withUnits(ctx, listIncidents(ctx.db, filter));
}

/** Each incident with the units working it now, read for these incidents only. */
function withUnits(ctx: Ctx, incidents: Incident[]): IncidentRow[] {
  if (!incidents.length) return [];
  const byIncident = new Map<string, IncidentRow['assigned']>();
  // A page names its incidents; for thousands, one read of every active assignment costs less
  // than a list of their ids.
  const ids = incidents.length <= ALL_ASSIGNMENTS_FROM ? incidents.map((i) => i.id) : undefined;
  for (const a of activeAssignedUnits(ctx.db, ids)) {
    const list = byIncident.get(a.incidentId);
    const unit = { unitId: a.unitId, callsign: a.callsign, country: a.country };
    if (list) list.push(unit);
    else byIncident.set(a.incidentId, [unit]);
  }
  // The rows are fresh objects from the store: the units are set on them, not copied into new ones.
  const rows = incidents as IncidentRow[];
  for (const r of rows) r.assigned = byIncident.get(r.id) ?? [];
  return rows;
}
