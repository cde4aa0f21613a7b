import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { IncidentNote } from '../../shared/domain.js';
import { markingColumn, markingOf } from './marking-column.js';
import { releasedParams, releasedSql, type ReleaseScope } from './incidents.js';

type Row = Omit<IncidentNote, 'marking'> & { marking: string | null };

export function insertNote(db: Db, n: IncidentNote): void {
  db.prepare(
    `INSERT INTO incident_notes (id, incident_id, at, operator, desk, text, marking)
     VALUES (@id, @incidentId, @at, @operator, @desk, @text, @marking)`,
  ).run({ ...n, marking: markingColumn(n.marking) });
  touch(db, 'incident_notes', n.id);
}

/** An incident's notes, oldest first; with a scope, only those its reader may see. */
export function listNotes(db: Db, incidentId: string, scope?: ReleaseScope): IncidentNote[] {
  const rows = db
    .prepare(
      `SELECT id, incident_id AS "incidentId", at, operator, desk, text, marking FROM incident_notes
       WHERE incident_id = @incidentId AND ${releasedSql(db, 'marking')} ORDER BY at, id`,
    )
    .all({ incidentId, ...releasedParams(scope) }) as Row[];
  return rows.map((r) => ({ ...r, marking: markingOf(r.marking) }));
}

/** How many of an incident's notes the scope's reader may not see. */
export function hiddenNoteCount(db: Db, incidentId: string, scope: ReleaseScope): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM incident_notes WHERE incident_id = @incidentId AND NOT ${releasedSql(db, 'marking')}`,
    )
    .get({ incidentId, ...releasedParams(scope) }) as { n: number | string };
  return Number(row.n);
}

export function getNote(db: Db, id: string): IncidentNote | null {
  const row = db
    .prepare(
      `SELECT id, incident_id AS "incidentId", at, operator, desk, text, marking FROM incident_notes WHERE id = ?`,
    )
    .get(id) as Row | undefined;
  return row ? { ...row, marking: markingOf(row.marking) } : null;
}
