import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { AssignmentView } from '../../shared/domain.js';

export interface Assignment {
  id: string;
  incidentId: string;
  unitId: string;
  assignedAt: string;
  releasedAt: string | null;
}

const COLUMNS =
  'id, incident_id AS incidentId, unit_id AS unitId, assigned_at AS assignedAt, released_at AS releasedAt';

export function insertAssignment(db: Db, a: Omit<Assignment, 'releasedAt'>): void {
  db.prepare(
    'INSERT INTO assignments (id, incident_id, unit_id, assigned_at) VALUES (@id, @incidentId, @unitId, @assignedAt)',
  ).run(a);
  touch(db, 'assignments', a.id);
}

export function releaseAssignment(db: Db, id: string, at: string): void {
  db.prepare('UPDATE assignments SET released_at = ? WHERE id = ? AND released_at IS NULL').run(at, id);
  touch(db, 'assignments', id);
}

export function activeAssignmentOfUnit(db: Db, unitId: string): Assignment | null {
  return (
    (db
      .prepare(`SELECT ${COLUMNS} FROM assignments WHERE unit_id = ? AND released_at IS NULL`)
      .get(unitId) as Assignment | undefined) ?? null
  );
}

export function activeAssignmentsForIncident(db: Db, incidentId: string): Assignment[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM assignments WHERE incident_id = ? AND released_at IS NULL ORDER BY assigned_at`,
    )
    .all(incidentId) as Assignment[];
}

/** Every assignment of an incident (past ones too), with the unit's callsign, country and status. */
export function assignmentViews(db: Db, incidentId: string): AssignmentView[] {
  return db
    .prepare(
      `SELECT a.id, a.unit_id AS unitId, u.callsign, c.country, u.kind, u.status AS unitStatus,
              a.assigned_at AS assignedAt, a.released_at AS releasedAt
       FROM assignments a JOIN units u ON u.id = a.unit_id JOIN contingents c ON c.id = u.contingent_id
       WHERE a.incident_id = ? ORDER BY a.assigned_at, a.id`,
    )
    .all(incidentId) as AssignmentView[];
}

/** Units currently working each of these incidents (every incident: ids absent), for the board. */
export function activeAssignedUnits(
  db: Db,
  incidentIds?: readonly string[],
): { incidentId: string; unitId: string; callsign: string; country: string }[] {
  // A page's ids go through the incident's index: one statement for both cases, with an OR, had
  // the planner walk every active assignment (over three times as long for a page of 200).
  const which = incidentIds
    ? `a.incident_id IN ${db.dialect.jsonValues('@ids')} AND a.released_at IS NULL`
    : 'a.released_at IS NULL';
  return db
    .prepare(
      `SELECT a.incident_id AS incidentId, u.id AS unitId, u.callsign, c.country
       FROM assignments a JOIN units u ON u.id = a.unit_id JOIN contingents c ON c.id = u.contingent_id
       WHERE ${which}
       ORDER BY u.callsign`,
    )
    .all(incidentIds ? { ids: JSON.stringify(incidentIds) } : {}) as {
    incidentId: string;
    unitId: string;
    callsign: string;
    country: string;
  }[];
}
