// The rows an after-action report is computed from (shared/after-action/compute.ts), read in a
// few queries: the incidents opened in the window with their lifecycle steps, the requests asked in
// it with their first answer, and every unit's status changes.
import type { Db } from './db.js';
import type { AfterActionSource } from '../../shared/after-action/model.js';
import type { Priority } from '../../shared/domain.js';
import type { RequestStatus } from '../../shared/awareness.js';
import { markingOf } from './marking-column.js';
import { requestsCreatedIn } from './requests.js';
import { asString, fieldChanges, fromTo } from '../../shared/report/journal-data.js';

/** An incident row as read: its marking still the stored text. */
type IncidentRow = Omit<AfterActionSource['incidents'][number], 'marking'> & { marking: string | null };

type Rows = Pick<AfterActionSource, 'incidents' | 'steps' | 'requests' | 'units' | 'unitChanges'>;

const STEP_ACTIONS = `'incident.acknowledge', 'incident.dispatch', 'incident.arrive'`;
const ANSWERS = `'request.accepted', 'request.declined', 'request.done'`;

export function readAfterAction(db: Db, w: { from: string; to: string }): Rows {
  const incidents = db
    .prepare(
      `SELECT id, reference, priority, category, title, status, created_at AS "createdAt",
              acknowledged_at AS "acknowledgedAt", dispatched_at AS "dispatchedAt", on_scene_at AS "onSceneAt",
              closed_at AS "closedAt", cancelled_at AS "cancelledAt", marking
       FROM incidents WHERE created_at >= @from AND created_at < @to ORDER BY created_at, reference`,
    )
    .all(w) as IncidentRow[];
  const steps = db
    .prepare(
      `SELECT j.entity_id AS "incidentId", j.action, j.at FROM journal j
       JOIN incidents i ON i.id = j.entity_id
       WHERE j.entity_type = 'incident' AND j.action IN (${STEP_ACTIONS})
         AND i.created_at >= @from AND i.created_at < @to
       ORDER BY j.seq`,
    )
    .all(w) as AfterActionSource['steps'];
  const answers = db
    .prepare(
      `SELECT j.entity_id AS id, min(j.at) AS at FROM journal j
       JOIN desk_requests r ON r.id = j.entity_id
       WHERE j.entity_type = 'request' AND j.action IN (${ANSWERS})
         AND r.created_at >= @from AND r.created_at < @to
       GROUP BY j.entity_id`,
    )
    .all(w) as { id: string; at: string }[];
  const firstAnswer = new Map(answers.map((a) => [a.id, a.at]));
  const units = db
    .prepare(
      `SELECT u.id, c.country || ' · ' || c.agency AS contingent, u.status
       FROM units u JOIN contingents c ON c.id = u.contingent_id ORDER BY u.id`,
    )
    .all() as AfterActionSource['units'];
  return {
    incidents: incidents.map((i) => ({
      ...i,
      priority: Number(i.priority) as Priority,
      marking: markingOf(i.marking),
    })),
    steps,
    requests: requestsCreatedIn(db, w.from, w.to).map((r) => ({
      fromDesk: r.fromDesk,
      targetKind: r.target.kind,
      targetLabel: r.targetLabel,
      text: r.text,
      createdAt: r.createdAt,
      answeredAt: firstAnswer.get(r.id) ?? null,
      status: r.status as RequestStatus,
    })),
    units,
    unitChanges: unitChanges(db),
  };
}

/** Status changes of units: `unit.status_changed` (from/to) and edits whose changes hold a status. */
function unitChanges(db: Db): AfterActionSource['unitChanges'] {
  const rows = db
    .prepare(
      `SELECT entity_id AS "unitId", at, action, data FROM journal
       WHERE entity_type = 'unit' AND action NOT IN ('unit.moved', 'unit.created') AND entity_id IS NOT NULL
       ORDER BY seq`,
    )
    .all() as { unitId: string; at: string; action: string; data: string }[];
  return rows.flatMap((r) => {
    const data: unknown = JSON.parse(r.data);
    const change = r.action === 'unit.status_changed' ? fromTo(data) : fieldChanges(data).get('status');
    const to = asString(change?.to);
    if (!change || to === null) return [];
    return [{ unitId: r.unitId, at: r.at, from: asString(change.from), to }];
  });
}
