// The rows a handover report is built from, read in a handful of queries (no query per row): the
// incidents that can appear in it, the journal after its start, units with their last fix at the
// window's end, assignments and last notes as they stood then.
import type { Db } from './db.js';
import type { ReportSource, SourceJournalEntry } from '../../shared/report/source.js';

export interface SnapshotRange {
  from: string;
  to: string;
  /** Earliest time the report reads changes from: min(window start, previous handover end). */
  start: string;
}

/** Open now, or changed after the start: every other incident was finished before it. */
const INCIDENT_SCOPE = `i.created_at <= @to
  AND (i.status IN ('new', 'acknowledged', 'dispatched', 'on_scene') OR i.updated_at > @start)`;

type Rows = Pick<
  ReportSource,
  'incidents' | 'journal' | 'units' | 'positions' | 'assignments' | 'lastNotes' | 'journalCount'
>;

export function readSnapshot(db: Db, r: SnapshotRange): Rows {
  const incidents = db
    .prepare(
      `SELECT i.id, i.reference, i.category, i.priority, i.status, i.title, i.venue_id AS venueId, i.sector,
              i.location_text AS locationText, i.lat, i.lon, i.created_at AS createdAt,
              i.acknowledged_at AS acknowledgedAt, i.on_scene_at AS onSceneAt
       FROM incidents i WHERE ${INCIDENT_SCOPE} ORDER BY i.id`,
    )
    .all(r) as ReportSource['incidents'];
  const lastNotes = db
    .prepare(
      `SELECT n.incident_id AS incidentId, n.at, n.operator, n.text
       FROM incidents i JOIN incident_notes n ON n.id = (
         SELECT id FROM incident_notes WHERE incident_id = i.id AND at <= @to ORDER BY at DESC, id DESC LIMIT 1)
       WHERE ${INCIDENT_SCOPE} ORDER BY n.incident_id`,
    )
    .all(r) as ReportSource['lastNotes'];
  const units = db
    .prepare(
      `SELECT u.id, u.callsign, u.contingent_id AS contingentId, c.country, c.agency, u.personnel, u.status, u.sector
       FROM units u JOIN contingents c ON c.id = u.contingent_id ORDER BY u.callsign`,
    )
    .all() as ReportSource['units'];
  const positions = db
    .prepare(
      `SELECT p.unit_id AS unitId, p.at, p.lat, p.lon
       FROM units u JOIN unit_positions p ON p.id = (
         SELECT id FROM unit_positions WHERE unit_id = u.id AND at <= @to ORDER BY at DESC, id DESC LIMIT 1)
       ORDER BY p.unit_id`,
    )
    .all({ to: r.to }) as ReportSource['positions'];
  const assignments = db
    .prepare(
      `SELECT a.incident_id AS incidentId, u.callsign FROM assignments a JOIN units u ON u.id = a.unit_id
       WHERE a.assigned_at <= @to AND (a.released_at IS NULL OR a.released_at > @to)
       ORDER BY a.incident_id, u.callsign`,
    )
    .all({ to: r.to }) as ReportSource['assignments'];
  return {
    incidents,
    lastNotes,
    units,
    positions,
    assignments,
    journal: journalAfter(db, r.start),
    journalCount: countIn(db, r),
  };
}

interface JournalRow extends Omit<SourceJournalEntry, 'data'> {
  data: string;
}

/**
 * Entries about incidents, units and zones, and overrides, after `start`. Position reports
 * (unit.moved) are left out: the positions come from unit_positions, and they are the bulk.
 */
function journalAfter(db: Db, start: string): SourceJournalEntry[] {
  const rows = db
    .prepare(
      `SELECT seq, at, operator, desk, action, entity_type AS entityType, entity_id AS entityId, data
       FROM journal
       WHERE at > ? AND action <> 'unit.moved'
         AND (entity_type IN ('incident', 'unit', 'zone') OR action LIKE '%override%')
       ORDER BY seq`,
    )
    .all(start) as JournalRow[];
  return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as unknown }));
}

/**
 * Entries in the window, less acknowledgements and the sign-out and sign-in each one makes (in its
 * transaction, just before it, on its desk): one made at the window's end is this report's own.
 */
function countIn(db: Db, r: SnapshotRange): number {
  const sql = `SELECT count(*) AS n FROM journal j WHERE j.at > @from AND j.at <= @to
    AND j.action <> 'handover.acknowledged'
    AND NOT (j.action IN ('operator.signed_out', 'operator.signed_in') AND EXISTS (
      SELECT 1 FROM journal h WHERE h.action = 'handover.acknowledged' AND h.desk = j.desk
        AND h.seq > j.seq AND h.seq <= j.seq + 2))`;
  return (db.prepare(sql).get(r) as { n: number }).n;
}
