import type { Db } from './db.js';
import type { Incident } from '../../shared/domain.js';

interface Row {
  id: string;
  reference: string;
  category: Incident['category'];
  priority: Incident['priority'];
  status: Incident['status'];
  title: string;
  description: string;
  source: Incident['source'];
  reporter: string | null;
  lat: number | null;
  lon: number | null;
  venue_id: string | null;
  sector: string | null;
  location_text: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const toIncident = (r: Row): Incident => ({
  id: r.id,
  reference: r.reference,
  category: r.category,
  priority: r.priority,
  status: r.status,
  title: r.title,
  description: r.description,
  source: r.source,
  reporter: r.reporter,
  lat: r.lat,
  lon: r.lon,
  venueId: r.venue_id,
  sector: r.sector,
  locationText: r.location_text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export function insertIncident(db: Db, i: Omit<Incident, 'version'>): void {
  db.prepare(
    `INSERT INTO incidents (id, reference, category, priority, status, title, description, source, reporter,
       lat, lon, venue_id, sector, location_text, created_at, updated_at)
     VALUES (@id, @reference, @category, @priority, @status, @title, @description, @source, @reporter,
       @lat, @lon, @venueId, @sector, @locationText, @createdAt, @updatedAt)`,
  ).run(i);
}

/** Open incidents first by priority then age; closed and cancelled only when asked. */
export function listIncidents(db: Db, includeClosed: boolean): Incident[] {
  const rows = db
    .prepare(
      `SELECT * FROM incidents
       WHERE @all = 1 OR status NOT IN ('closed', 'cancelled')
       ORDER BY priority, created_at`,
    )
    .all({ all: includeClosed ? 1 : 0 }) as Row[];
  return rows.map(toIncident);
}

export function getIncident(db: Db, id: string): Incident | null {
  const row = db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as Row | undefined;
  return row ? toIncident(row) : null;
}

/** Next daily sequence number for incident references (e.g. the 42 of INC-0726-0042). */
export function nextIncidentSequence(db: Db, day: string): number {
  const row = db
    .prepare(
      `INSERT INTO incident_sequences (day, last) VALUES (?, 1)
       ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(day) as { last: number };
  return row.last;
}
