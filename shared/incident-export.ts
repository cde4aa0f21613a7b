// Incidents as interchange files: CSV (one row per incident, assigned callsigns joined by |) and
// GeoJSON (a Point feature per located incident; unlocated ones are listed with null geometry).
import Papa from 'papaparse';
import type { IncidentRow } from './domain.js';
import { protectCell } from './roster-cells.js';
import { bannerLine } from './releasability.js';

// The operation's country when a caller does not say (FR for Paris 2024, as in store/meta.ts).
const HOST = 'FR';

export const INCIDENT_CSV_COLUMNS = [
  'reference',
  'priority',
  'status',
  'category',
  'title',
  'description',
  'source',
  'reporter',
  'lat',
  'lon',
  'venue',
  'sector',
  'location',
  'created_at',
  'acknowledged_at',
  'dispatched_at',
  'on_scene_at',
  'resolved_at',
  'closed_at',
  'cancelled_at',
  'units',
  // Its releasability banner, "RELEASABLE TO FR, ES": a file that leaves the console says so.
  'releasability',
] as const;

export function incidentsToCsv(rows: readonly IncidentRow[], hostCountry = HOST): string {
  const data = rows.map((i) =>
    [
      i.reference,
      i.priority,
      i.status,
      i.category,
      i.title,
      i.description,
      i.source,
      i.reporter ?? '',
      i.lat ?? '',
      i.lon ?? '',
      i.venueId ?? '',
      i.sector ?? '',
      i.locationText ?? '',
      i.createdAt,
      i.acknowledgedAt ?? '',
      i.dispatchedAt ?? '',
      i.onSceneAt ?? '',
      i.resolvedAt ?? '',
      i.closedAt ?? '',
      i.cancelledAt ?? '',
      i.assigned.map((a) => a.callsign).join('|'),
      bannerLine(i.marking, hostCountry),
    ].map((cell) => (typeof cell === 'string' ? protectCell(cell) : cell)),
  );
  // CRLF per RFC 4180, so spreadsheet tools on every platform read multi-line descriptions.
  return Papa.unparse({ fields: [...INCIDENT_CSV_COLUMNS], data }, { newline: '\r\n' }) + '\r\n';
}

export function incidentsToGeoJson(rows: readonly IncidentRow[], hostCountry = HOST) {
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((i) => ({
      type: 'Feature' as const,
      id: i.reference,
      geometry:
        i.lat !== null && i.lon !== null ? { type: 'Point' as const, coordinates: [i.lon, i.lat] } : null,
      properties: {
        reference: i.reference,
        priority: i.priority,
        status: i.status,
        category: i.category,
        title: i.title,
        description: i.description,
        source: i.source,
        reporter: i.reporter,
        venue: i.venueId,
        sector: i.sector,
        location: i.locationText,
        createdAt: i.createdAt,
        closedAt: i.closedAt,
        units: i.assigned.map((a) => a.callsign),
        marking: i.marking,
        releasability: bannerLine(i.marking, hostCountry),
      },
    })),
  };
}
