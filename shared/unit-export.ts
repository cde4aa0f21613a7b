// Units out of Vigie (`vigie export --what units`): CSV in the roster format, which the roster
// import reads back to the same units, and GeoJSON points for GIS tools.
import Papa from 'papaparse';
import type { Contingent, Unit } from './domain.js';
import { ROSTER_COLUMNS, type RosterColumn } from './roster.js';
import { protectCell } from './roster-cells.js';

const byCallsign = (a: Unit, b: Unit) => (a.callsign < b.callsign ? -1 : a.callsign > b.callsign ? 1 : 0);

/** One CSV line per unit, columns in the roster's order; empty cells for what is unknown. */
export function unitsToCsv(units: readonly Unit[], contingents: readonly Contingent[]): string {
  const byId = new Map(contingents.map((c) => [c.id, c]));
  const rows = [...units].sort(byCallsign).map((u) => {
    const c = byId.get(u.contingentId);
    const cells: Record<RosterColumn, string> = {
      callsign: u.callsign,
      country: u.country,
      agency: u.agency,
      kind: u.kind,
      personnel: String(u.personnel),
      armed: u.armed ? 'yes' : 'no',
      languages: c?.languages.join('|') ?? '',
      liaison: c?.liaisonName ?? '',
      status: u.status,
      // String(number) is the shortest text that parses back to the same double.
      lat: u.lat === null ? '' : String(u.lat),
      lon: u.lon === null ? '' : String(u.lon),
      venue: u.venueId ?? '',
      sector: u.sector ?? '',
      handler: u.k9?.handler ?? '',
      dog: u.k9?.dog ?? '',
      detection: u.k9?.detection ?? '',
      rest_due: u.k9?.restDue ?? '',
      radio: u.radio ?? '',
      phone: u.phone ?? '',
      notes: u.notes ?? '',
    };
    return ROSTER_COLUMNS.map((col) => protectCell(cells[col]));
  });
  return (
    Papa.unparse({ fields: [...ROSTER_COLUMNS], data: rows }, { delimiter: ',', newline: '\r\n' }) + '\r\n'
  );
}

export interface UnitFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [lon: number, lat: number] };
  properties: {
    callsign: string;
    country: string;
    agency: string;
    kind: Unit['kind'];
    status: Unit['status'];
    personnel: number;
    armed: boolean;
    venueId: string | null;
    sector: string | null;
    positionAt: string | null;
    positionSource: string | null;
    positionStale: boolean;
  };
}

export interface UnitFeatureCollection {
  type: 'FeatureCollection';
  features: UnitFeature[];
}

/** Units with a known position, as GeoJSON points; a unit with none has no place on a map. */
export function unitsToGeoJson(units: readonly Unit[]): UnitFeatureCollection {
  const features: UnitFeature[] = [];
  for (const u of [...units].sort(byCallsign)) {
    if (u.lat === null || u.lon === null) continue;
    features.push({
      type: 'Feature',
      id: u.id,
      geometry: { type: 'Point', coordinates: [u.lon, u.lat] },
      properties: {
        callsign: u.callsign,
        country: u.country,
        agency: u.agency,
        kind: u.kind,
        status: u.status,
        personnel: u.personnel,
        armed: u.armed,
        venueId: u.venueId,
        sector: u.sector,
        positionAt: u.positionAt,
        positionSource: u.positionSource,
        positionStale: u.positionStale,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
