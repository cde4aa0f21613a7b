import type { Db } from './db.js';
import type { IncidentNote } from '../../shared/domain.js';

export function insertNote(db: Db, n: IncidentNote): void {
  db.prepare(
    'INSERT INTO incident_notes (id, incident_id, at, operator, desk, text) VALUES (@id, @incidentId, @at, @operator, @desk, @text)',
  ).run(n);
}

export function listNotes(db: Db, incidentId: string): IncidentNote[] {
  return db
    .prepare(
      `SELECT id, incident_id AS incidentId, at, operator, desk, text FROM incident_notes
       WHERE incident_id = ? ORDER BY at, id`,
    )
    .all(incidentId) as IncidentNote[];
}
