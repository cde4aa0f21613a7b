// The incident board's query: filters → the calls' input, the same filters checked on one row
// (to drop a row the desk itself just moved out of view, before the server is asked again), the
// board order (priority, then oldest first, as the server sorts), and a cheap row comparison.
import type { CallInput } from '../../shared/api';
import { pointOf, type IncidentPoint } from '../../shared/incident-points';
import type { Incident, IncidentDetail, IncidentRow } from '../../shared/domain';
import { isFinished } from '../../shared/incident-lifecycle';
import type { BoardFilters } from './types';

/** The board asks for a page at a time (keyset paging), more as it is scrolled. */
export const BOARD_PAGE = 200;

export const EMPTY_FILTERS: BoardFilters = {
  text: '',
  status: '',
  priorities: [],
  category: '',
  venueId: '',
  sector: '',
  country: '',
  showClosed: false,
};

/** The filters as the calls take them (the points' whole input; a page adds its limit and cursor). */
export function boardInput(f: BoardFilters): CallInput<'listIncidentPoints'> {
  const input: CallInput<'listIncidentPoints'> = { includeClosed: f.showClosed };
  const text = f.text.trim();
  if (text) input.text = text;
  if (f.status) input.statuses = [f.status];
  if (f.priorities.length) input.priorities = [...f.priorities];
  if (f.category) input.categories = [f.category];
  if (f.venueId) input.venueId = f.venueId;
  if (f.sector) input.sector = f.sector;
  if (f.country) input.country = f.country;
  return input;
}

/** One page of the board: the filters, from `after` (a cursor from the last page) on. */
export function boardPageInput(
  f: BoardFilters,
  after: string | null,
  limit = BOARD_PAGE,
): CallInput<'listIncidentPage'> {
  return { ...boardInput(f), limit, ...(after ? { after } : {}) };
}

/** Filters other than "show closed" are set. */
export function isFiltered(f: BoardFilters): boolean {
  return Boolean(
    f.text.trim() || f.status || f.priorities.length || f.category || f.venueId || f.sector || f.country,
  );
}

/**
 * Whether a row still belongs on the board, as far as the desk can tell without the server (text
 * and country are checked by the next read).
 */
export function stillShown(i: BoardItem, f: BoardFilters): boolean {
  if (f.status && i.status !== f.status) return false;
  if (!f.status && !f.showClosed && (i.status === 'closed' || i.status === 'cancelled')) return false;
  if (f.priorities.length && !f.priorities.includes(i.priority)) return false;
  if (f.category && i.category !== f.category) return false;
  if (f.venueId && i.venueId !== f.venueId) return false;
  if (f.sector && i.sector !== f.sector) return false;
  return true;
}

/** What the board's filters and order look at: a row and a point both have it. */
export type BoardItem = Pick<
  Incident,
  'id' | 'status' | 'priority' | 'category' | 'venueId' | 'sector' | 'createdAt'
>;

/** Priority first, then the oldest (the longest waiting) first. */
export const byUrgency = (a: BoardItem, b: BoardItem): number =>
  a.priority - b.priority || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Every change to an incident bumps its version; the units working it are compared apart. */
export const sameRow = (a: IncidentRow, b: IncidentRow): boolean =>
  a.version === b.version &&
  a.assigned.length === b.assigned.length &&
  a.assigned.every((u, i) => u.unitId === b.assigned[i]?.unitId);

/** Puts a changed or new row in its place on the board, or takes it off when it no longer shows. */
export function upsertRow<R extends BoardItem>(list: readonly R[], row: R, f: BoardFilters): R[] {
  const rest = list.filter((r) => r.id !== row.id);
  if (!stillShown(row, f)) return rest.length === list.length ? (list as R[]) : rest;
  let i = rest.findIndex((r) => byUrgency(row, r) < 0);
  if (i < 0) i = rest.length;
  return [...rest.slice(0, i), row, ...rest.slice(i)];
}

/**
 * The same on a board holding only its first pages: a row that now sorts past the last loaded one
 * (when more pages remain) is left to the page that holds it.
 */
export function upsertLoadedRow(
  list: readonly IncidentRow[],
  row: IncidentRow,
  f: BoardFilters,
  more: boolean,
): IncidentRow[] {
  const last = list.at(-1);
  if (more && last && last.id !== row.id && byUrgency(row, last) > 0)
    return list.some((r) => r.id === row.id) ? list.filter((r) => r.id !== row.id) : (list as IncidentRow[]);
  return upsertRow(list, row, f);
}

/** Appends a further page, leaving out rows already held (a row moved while the page was read). */
export function appendPage(list: readonly IncidentRow[], page: readonly IncidentRow[]): IncidentRow[] {
  const held = new Set(list.map((r) => r.id));
  return [...list, ...page.filter((r) => !held.has(r.id))];
}

/** A finished incident keeps its age at the moment it was resolved, closed or cancelled. */
export function endOf(i: Incident): string | null {
  if (!isFinished(i.status)) return null;
  return i.resolvedAt ?? i.closedAt ?? i.cancelledAt ?? i.updatedAt;
}

/** A board row as the map's points hold it. */
export const rowPoint = (r: IncidentRow): IncidentPoint =>
  pointOf(
    r,
    r.assigned.map((a) => a.unitId),
  );

/** Every change to an incident bumps its version; the units working it are compared apart. */
export const samePoint = (a: IncidentPoint, b: IncidentPoint): boolean =>
  a.version === b.version &&
  a.unitIds.length === b.unitIds.length &&
  a.unitIds.every((u, i) => u === b.unitIds[i]);

/** The units working an incident, as the board's loaded row or the pane's detail has them. */
export function assignedIn(
  rows: readonly IncidentRow[],
  detail: IncidentDetail | null,
  id: string,
): IncidentRow['assigned'] | null {
  const row = rows.find((r) => r.id === id);
  if (row) return row.assigned;
  if (detail?.incident.id !== id) return null;
  return detail.assignments
    .filter((a) => a.releasedAt === null)
    .map((a) => ({ unitId: a.unitId, callsign: a.callsign, country: a.country }));
}
