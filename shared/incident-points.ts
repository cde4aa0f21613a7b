// The map's points (listIncidentPoints): what the map and the panels that look an incident up need
// of every incident the board's filters match, and its form on the wire. With 50,000 incidents the
// open set is some 12,500 points: as objects their field names were 40% of the 3.6 MB answer, so
// each point travels as one array in POINT_FIELDS' order, and the client turns it back.
import type { Incident, IncidentCategory, IncidentStatus, Priority } from './domain.js';

export interface IncidentPoint {
  id: string;
  reference: string;
  title: string;
  category: IncidentCategory;
  priority: Priority;
  status: IncidentStatus;
  lat: number | null;
  lon: number | null;
  venueId: string | null;
  sector: string | null;
  /** When it was reported: the overdue deadlines count from it (shared/overdue.ts). */
  createdAt: string;
  version: number;
  /** The units working it now, in callsign order. */
  unitIds: string[];
}

/** One point on the wire: the fields of IncidentPoint in this order. */
export type IncidentPointRow = [
  id: string,
  reference: string,
  title: string,
  category: IncidentCategory,
  priority: Priority,
  status: IncidentStatus,
  lat: number | null,
  lon: number | null,
  venueId: string | null,
  sector: string | null,
  createdAt: string,
  version: number,
  unitIds: string[],
];

export const pointRow = (p: IncidentPoint): IncidentPointRow => [
  p.id,
  p.reference,
  p.title,
  p.category,
  p.priority,
  p.status,
  p.lat,
  p.lon,
  p.venueId,
  p.sector,
  p.createdAt,
  p.version,
  p.unitIds,
];

export const pointOfRow = (r: IncidentPointRow): IncidentPoint => ({
  id: r[0],
  reference: r[1],
  title: r[2],
  category: r[3],
  priority: r[4],
  status: r[5],
  lat: r[6],
  lon: r[7],
  venueId: r[8],
  sector: r[9],
  createdAt: r[10],
  version: r[11],
  unitIds: r[12],
});

/** An incident as a point, with the units working it. */
export const pointOf = (i: Incident, unitIds: string[]): IncidentPoint => ({
  id: i.id,
  reference: i.reference,
  title: i.title,
  category: i.category,
  priority: i.priority,
  status: i.status,
  lat: i.lat,
  lon: i.lon,
  venueId: i.venueId,
  sector: i.sector,
  createdAt: i.createdAt,
  version: i.version,
  unitIds,
});
