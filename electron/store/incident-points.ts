// The incidents the board's filters match, as the map draws them: a few columns of each, and the
// units working each (one read of every active assignment), in the board's order,
// each already in its form on the wire (shared/incident-points.ts).
import type { Db } from './db.js';
import { activeAssignedUnits } from './assignments.js';
import { boardWhere, type IncidentFilter } from './incidents.js';
import type { IncidentPointRow } from '../../shared/incident-points.js';

interface PointRow {
  id: string;
  reference: string;
  title: string;
  category: IncidentPointRow[3];
  priority: IncidentPointRow[4];
  status: IncidentPointRow[5];
  lat: number | null;
  lon: number | null;
  venue_id: string | null;
  sector: string | null;
  created_at: string;
  version: number;
}

export function listIncidentPoints(db: Db, f: Omit<IncidentFilter, 'limit' | 'after'>): IncidentPointRow[] {
  const where = boardWhere(db, { ...f, limit: 0 });
  const rows = db
    .prepare(
      `SELECT i.id, i.reference, i.title, i.category, i.priority, i.status, i.lat, i.lon, i.venue_id, i.sector,
              i.created_at, i.version
       FROM incidents i WHERE ${where.sql}
       ORDER BY i.priority, i.created_at, i.id`,
    )
    .all(where.params) as PointRow[];
  if (!rows.length) return [];
  const units = new Map<string, string[]>();
  // In callsign order, as the board's rows list them.
  const assigned = activeAssignedUnits(db);
  for (const a of assigned) {
    const list = units.get(a.incidentId);
    if (list) list.push(a.unitId);
    else units.set(a.incidentId, [a.unitId]);
  }
  return rows.map((r) => [
    r.id,
    r.reference,
    r.title,
    r.category,
    r.priority,
    r.status,
    r.lat,
    r.lon,
    r.venue_id,
    r.sector,
    r.created_at,
    r.version,
    units.get(r.id) ?? [],
  ]);
}
