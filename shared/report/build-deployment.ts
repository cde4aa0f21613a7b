// Unit deployment at the window's end: by contingent and by sector, with statuses and the units
// whose last position is older than the stale-position setting.
import { UNIT_STATUSES, type UnitStatus } from '../domain.js';
import { isPositionStale } from '../position-age.js';
import type { DeploymentRow, UnitDeployment, UnitStatusCounts } from './model.js';
import type { ReportSource } from './source.js';
import type { UnitAtEnd } from './as-of.js';
import { by, minutesBetween } from './order.js';

/** Off duty or out of service, a unit reports no positions: its old fix is not a warning. */
const REPORTS_POSITION = (s: UnitStatus): boolean => s !== 'off_duty' && s !== 'out_of_service';

export const emptyStatusCounts = (): UnitStatusCounts =>
  Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as UnitStatusCounts;

const emptyRow = (): DeploymentRow => ({ units: 0, personnel: 0, byStatus: emptyStatusCounts(), stale: 0 });

export function deployment(src: ReportSource, units: Map<string, UnitAtEnd>): UnitDeployment {
  const { to } = src.window;
  const toMs = Date.parse(to);
  const fixes = new Map(src.positions.map((p) => [p.unitId, p]));
  const contingents = new Map<string, DeploymentRow & { country: string; agency: string }>();
  const sectors = new Map<string, DeploymentRow & { sector: string | null }>();
  const stalePositions: UnitDeployment['stalePositions'] = [];

  for (const u of units.values()) {
    const fix = fixes.get(u.id);
    const stale =
      fix !== undefined && REPORTS_POSITION(u.status) && isPositionStale(fix.at, toMs, src.staleMinutes);
    const c = contingents.get(u.contingentId) ?? { country: u.country, agency: u.agency, ...emptyRow() };
    const s = sectors.get(u.sector ?? '') ?? { sector: u.sector, ...emptyRow() };
    for (const row of [c, s]) {
      row.units++;
      row.personnel += u.personnel;
      row.byStatus[u.status]++;
      if (stale) row.stale++;
    }
    contingents.set(u.contingentId, c);
    sectors.set(u.sector ?? '', s);
    if (stale && fix) {
      stalePositions.push({
        callsign: u.callsign,
        country: u.country,
        status: u.status,
        sector: u.sector,
        positionAt: fix.at,
        ageMinutes: minutesBetween(fix.at, to),
      });
    }
  }
  return {
    staleMinutes: src.staleMinutes,
    byContingent: [...contingents.values()].sort(
      by(
        (r) => r.country,
        (r) => r.agency,
      ),
    ),
    bySector: [...sectors.values()].sort(by((r) => r.sector)),
    stalePositions: stalePositions.sort(
      by(
        (r) => r.sector,
        (r) => r.positionAt,
        (r) => r.callsign,
      ),
    ),
  };
}
