// Gathers everything a report is built from, as of the window's end, into one plain object.
import type { Db } from '../store/db.js';
import type { ReportInputs, ReportSource, PreviousHandover } from '../../shared/report/source.js';
import type { BaseLayers, HandoverReport, LonLat } from '../../shared/report/model.js';
import { buildReport } from '../../shared/report/build.js';
import { lastHandoverAt } from '../store/handovers.js';
import { readSnapshot } from '../store/handover-snapshot.js';
import { getOperation, hostCountry } from '../store/meta.js';
import { listVenues } from '../store/venues.js';
import { listZones } from '../store/zones.js';
import { listRoutes } from '../store/routes.js';
import { readSettings } from '../store/settings.js';
import { alertLevelOf } from './alert-level.js';
import { bulletinsForReport } from './bulletins.js';
import { requestsAsOf } from '../store/requests.js';
import { allPlaceCandidates, streetsNear } from './place-names.js';
import { incidentsAtEnd } from '../../shared/report/as-of.js';

export function gatherSource(
  db: Db,
  window: { from: string; to: string },
  previousHandover: PreviousHandover | null,
  water: LonLat[][],
  base?: BaseLayers,
): ReportSource {
  const op = getOperation(db);
  const since = previousHandover?.to ?? window.from;
  const start = since < window.from ? since : window.from;
  const snapshot = readSnapshot(db, { from: window.from, to: window.to, start });
  // The streets of the loaded base map near where each incident was at the window's end.
  const points = [...incidentsAtEnd(snapshot.incidents, snapshot.journal, window.to).values()].flatMap((i) =>
    i.lat !== null && i.lon !== null ? [{ lat: i.lat, lon: i.lon }] : [],
  );
  return {
    operation: op
      ? { name: op.name, mode: op.mode, timezone: op.timezone }
      : { name: 'Vigie', mode: 'real', timezone: 'UTC' },
    window,
    previousHandover,
    ...snapshot,
    venues: listVenues(db).map((v) => ({ id: v.id, name: v.name, lat: v.lat, lon: v.lon })),
    // Handover calls are the host's staff's (shared/permissions.ts): every zone, each with its marking.
    zones: listZones(db).map((z) => ({ id: z.id, name: z.name, marking: z.marking })),
    hostCountry: hostCountry(db),
    // Handover calls are host staff's: every request, with its incident's reference.
    requests: requestsAsOf(db, window.to).map((r) => ({
      id: r.id,
      fromDesk: r.fromDesk,
      targetKind: r.target.kind,
      targetLabel: r.targetLabel,
      text: r.text,
      byAt: r.byAt,
      incidentReference: r.incidentReference,
      status: r.status,
      createdAt: r.createdAt,
    })),
    routes: listRoutes(db).map((r) => r.coordinates),
    places: [...allPlaceCandidates(db), ...streetsNear(db, points)],
    water,
    ...(base ? { base } : {}),
    staleMinutes: readSettings(db).stalePositionMinutes,
    alertLevel: alertLevelOf(db),
    bulletins: bulletinsForReport(db, window.from, window.to),
  };
}

export interface ComposeInput extends Omit<ReportInputs, 'desk'> {
  window: { from: string; to: string };
  desk: string;
}

/** The report for a desk's window: its previous handover found, the rows read, the model built. */
export function composeReport(
  db: Db,
  input: ComposeInput,
  water: LonLat[][],
  base?: BaseLayers,
): HandoverReport {
  const { window, ...inputs } = input;
  const previous = lastHandoverAt(db, input.desk, window.to);
  const source = gatherSource(
    db,
    window,
    previous && {
      id: previous.id,
      to: previous.to,
      acknowledgedAt: previous.acknowledgedAt,
      outgoing: previous.outgoing?.name ?? null,
      incoming: previous.incoming.name,
    },
    water,
    base,
  );
  return buildReport(source, inputs);
}
