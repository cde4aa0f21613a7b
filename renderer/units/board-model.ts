// The units board's model: filter the units, group them (by contingent, kind or sector), count
// each status per group, and flatten groups and rows into one list for the virtualised view.
import {
  UNIT_STATUSES,
  type Contingent,
  type Unit,
  type UnitKind,
  type UnitStatus,
} from '../../shared/domain';

export type GroupBy = 'contingent' | 'kind' | 'sector';

export interface UnitFilters {
  country: string;
  kind: UnitKind | '';
  status: UnitStatus | '';
  /** ISO 639-1: a language of the unit's contingent. */
  language: string;
}

export const NO_FILTERS: UnitFilters = { country: '', kind: '', status: '', language: '' };

export type StatusCounts = Record<UnitStatus, number>;

export interface UnitGroup {
  key: string;
  /** Contingent id for contingent groups. */
  contingentId: string | null;
  units: Unit[];
  counts: StatusCounts;
}

export type BoardLine = { type: 'group'; group: UnitGroup } | { type: 'unit'; unit: Unit; group: string };

export const zeroCounts = (): StatusCounts =>
  Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as StatusCounts;

export function countStatuses(units: readonly Unit[]): StatusCounts {
  const c = zeroCounts();
  for (const u of units) c[u.status]++;
  return c;
}

export function filterUnits(
  units: readonly Unit[],
  f: UnitFilters,
  contingents: ReadonlyMap<string, Contingent>,
): Unit[] {
  return units.filter(
    (u) =>
      (!f.country || u.country === f.country) &&
      (!f.kind || u.kind === f.kind) &&
      (!f.status || u.status === f.status) &&
      (!f.language || (contingents.get(u.contingentId)?.languages.includes(f.language) ?? false)),
  );
}

const groupKey = (u: Unit, by: GroupBy): string =>
  by === 'contingent' ? u.contingentId : by === 'kind' ? u.kind : (u.sector ?? '');

export function groupUnits(
  units: readonly Unit[],
  by: GroupBy,
  label: (g: UnitGroup) => string,
): UnitGroup[] {
  const groups = new Map<string, Unit[]>();
  for (const u of units) {
    const k = groupKey(u, by);
    const list = groups.get(k);
    if (list) list.push(u);
    else groups.set(k, [u]);
  }
  const out: UnitGroup[] = [...groups].map(([key, list]) => ({
    key,
    contingentId: by === 'contingent' ? key : null,
    units: [...list].sort((a, b) => a.callsign.localeCompare(b.callsign)),
    counts: countStatuses(list),
  }));
  const labels = new Map(out.map((g) => [g.key, label(g)]));
  // Units without a sector last; otherwise by the group's label.
  return out.sort(
    (a, b) =>
      Number(a.key === '') - Number(b.key === '') ||
      (labels.get(a.key) ?? '').localeCompare(labels.get(b.key) ?? ''),
  );
}

export function boardLines(groups: readonly UnitGroup[], collapsed: ReadonlySet<string>): BoardLine[] {
  const lines: BoardLine[] = [];
  for (const g of groups) {
    lines.push({ type: 'group', group: g });
    if (!collapsed.has(g.key)) for (const u of g.units) lines.push({ type: 'unit', unit: u, group: g.key });
  }
  return lines;
}
