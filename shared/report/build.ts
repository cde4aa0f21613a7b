// Builds the handover report from what the database held at the window's end. Pure: the same
// source and inputs always give the same model.
import { PRIORITIES } from '../domain.js';
import {
  REPORT_SCHEMA_VERSION,
  type HandoverReport,
  type PriorityCounts,
  type ReportSummary,
} from './model.js';
import type { ReportInputs, ReportSource } from './source.js';
import { incidentsAtEnd, unitsAtEnd, type UnitAtEnd } from './as-of.js';
import { incidentSections } from './build-incidents.js';
import { changesSince } from './build-changes.js';
import { deployment, emptyStatusCounts } from './build-deployment.js';
import { significantEntries } from './build-significant.js';
import { mapSnapshot } from './build-map.js';
import { alertLevelAtEnd, bulletinsAtEnd } from './build-bulletins.js';
import { openRequests } from './build-requests.js';

export function buildReport(src: ReportSource, inputs: ReportInputs): HandoverReport {
  const { from, to } = src.window;
  const incidents = incidentsAtEnd(src.incidents, src.journal, to);
  const units = unitsAtEnd(src.units, src.journal, to, new Set(src.positions.map((p) => p.unitId)));
  const sections = incidentSections(src, incidents);
  const deployed = deployment(src, units);
  const summary: ReportSummary = {
    openIncidents: sections.openIncidents.length,
    openByPriority: Object.fromEntries(
      PRIORITIES.map((p) => [`p${p}`, sections.openIncidents.filter((i) => i.priority === p).length]),
    ) as PriorityCounts,
    overdue: sections.openIncidents.filter((i) => i.overdue !== null).length,
    openedDuringWindow: sections.openedDuringWindow.length,
    closedDuringWindow: sections.closedDuringWindow.length,
    ...unitTotals(units),
    stalePositions: deployed.stalePositions.length,
    journalEntries: src.journalCount,
  };
  const alertLevel = alertLevelAtEnd(src);
  const bulletins = bulletinsAtEnd(src);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    status: inputs.status,
    lang: inputs.lang,
    header: {
      operation: src.operation,
      desk: inputs.desk,
      window: { from, to },
      outgoing: inputs.outgoing,
      incoming: inputs.incoming,
      generatedAt: inputs.generatedAt,
      ...(inputs.journalHead && { journalHead: inputs.journalHead }),
    },
    summary,
    pendingActions: inputs.pendingActions,
    openIncidents: sections.openIncidents,
    openRequests: openRequests(src),
    openedDuringWindow: sections.openedDuringWindow,
    closedDuringWindow: sections.closedDuringWindow,
    changes: changesSince(src, incidents, sections.brief),
    deployment: deployed,
    significant: significantEntries(src, incidents),
    map: mapSnapshot(src, incidents, units),
    ...(alertLevel && { alertLevel }),
    ...(bulletins && { bulletins }),
  };
}

function unitTotals(
  units: Map<string, UnitAtEnd>,
): Pick<ReportSummary, 'units' | 'personnel' | 'unitsByStatus'> {
  const unitsByStatus = emptyStatusCounts();
  let personnel = 0;
  for (const u of units.values()) {
    unitsByStatus[u.status]++;
    personnel += u.personnel;
  }
  return { units: units.size, personnel, unitsByStatus };
}
