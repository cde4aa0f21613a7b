// What the wall screen shows, worked out from the store's rows: pure, so the unit tests hold it.
// Every row here was read with the wall's own session, which the services filter to what is
// releasable to all partners; nothing is read another way.
import { ALERT_SCALES, type AlertLevel, type Bulletin } from '../../shared/awareness';
import { UNIT_STATUSES, type Incident, type Unit, type UnitStatus } from '../../shared/domain';
import { isOpen } from '../../shared/incident-lifecycle';
import type { BridgePass, ParadeState } from '../../shared/parade';

export interface SectorRow {
  /** null: units with no sector. */
  sector: string | null;
  counts: Record<UnitStatus, number>;
  total: number;
}

const zeroCounts = (): Record<UnitStatus, number> =>
  Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as Record<UnitStatus, number>;

/**
 * Units by status per sector: one row per sector in name order, the units with no sector last,
 * and the totals over all of them.
 */
export function unitsBySector(units: readonly Unit[]): { rows: SectorRow[]; totals: SectorRow } {
  const by = new Map<string | null, SectorRow>();
  const totals: SectorRow = { sector: null, counts: zeroCounts(), total: 0 };
  for (const u of units) {
    const key = u.sector?.trim() || null;
    let row = by.get(key);
    if (!row) by.set(key, (row = { sector: key, counts: zeroCounts(), total: 0 }));
    row.counts[u.status]++;
    row.total++;
    totals.counts[u.status]++;
    totals.total++;
  }
  const rows = [...by.values()].sort((a, b) => {
    if (a.sector === null || b.sector === null) return a.sector === null ? 1 : -1;
    return a.sector.localeCompare(b.sector);
  });
  return { rows, totals };
}

/** The open P1 and P2 incidents, P1 first, the oldest first within a priority. */
export function urgentIncidents<I extends Pick<Incident, 'priority' | 'status' | 'createdAt'>>(
  incidents: readonly I[],
): I[] {
  return incidents
    .filter((i) => (i.priority === 1 || i.priority === 2) && isOpen(i.status))
    .sort((a, b) => a.priority - b.priority || a.createdAt.localeCompare(b.createdAt));
}

/** The next bridge the parade's head has yet to pass, or null (no plan, or every bridge passed). */
export function nextBridge(state: ParadeState | null): BridgePass | null {
  return state?.bridges.find((b) => !b.headPassed) ?? null;
}

/** The latest bulletins still in force, newest first, at most `n`. */
export function latestBulletins(bulletins: readonly Bulletin[], n = 5): Bulletin[] {
  return bulletins
    .filter((b) => b.withdrawnAt === null)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, n);
}

/** 0 for the scale's lowest step, 1 for its highest (the colour of the level's box). */
export function levelStep(level: Pick<AlertLevel, 'scale' | 'level'>): number {
  const steps: readonly string[] = ALERT_SCALES[level.scale];
  const i = steps.indexOf(level.level);
  return i < 0 || steps.length < 2 ? 0 : i / (steps.length - 1);
}
