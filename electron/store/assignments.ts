import type { Db } from './db.js';

export interface Assignment {
  id: string;
  incidentId: string;
  unitId: string;
  assignedAt: string;
  releasedAt: string | null;
}

export function insertAssignment(db: Db, a: Omit<Assignment, 'releasedAt'>): void {
  db.prepare(
    'INSERT INTO assignments (id, incident_id, unit_id, assigned_at) VALUES (@id, @incidentId, @unitId, @assignedAt)',
  ).run(a);
}

export function activeAssignmentsForIncident(db: Db, incidentId: string): Assignment[] {
  return db
    .prepare(
      `SELECT id, incident_id AS incidentId, unit_id AS unitId, assigned_at AS assignedAt, released_at AS releasedAt
       FROM assignments WHERE incident_id = ? AND released_at IS NULL ORDER BY assigned_at`,
    )
    .all(incidentId) as Assignment[];
}
