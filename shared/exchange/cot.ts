// Cursor-on-Target events for a TAK server or ATAK/WinTAK: one <event> per unit (a friendly ground
// unit), per incident (a spot marker) and per zone (a u-d-f polygon drawn from <link> points).
// Written as text here so the console needs no TAK library at run time; the tests validate every
// event with @tak-ps/node-cot's own parser and schema.
import type { IncidentRow, Unit, UnitKind, Zone } from '../domain.js';
import { bannerLine } from '../releasability.js';

/** How long a TAK client keeps showing an event it has not heard again. */
export const COT_STALE_MS = { unit: 10 * 60_000, incident: 60 * 60_000, zone: 24 * 3_600_000 } as const;

// MIL-STD-2525 function codes in CoT types; a unit kind with none is a plain friendly ground unit.
const UNIT_TYPE: Partial<Record<UnitKind, string>> = {
  medical: 'a-f-G-U-S-M',
  eod: 'a-f-G-U-C-E',
  cbrn: 'a-f-G-U-C-A-C',
  river: 'a-f-S-X',
  drone: 'a-f-A-M-F-Q',
  command: 'a-f-G-U-H',
};
export const unitCotType = (kind: UnitKind): string => UNIT_TYPE[kind] ?? 'a-f-G-U-C';
export const INCIDENT_COT_TYPE = 'b-m-p-s-m';
export const ZONE_COT_TYPE = 'u-d-f';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Unknown height and errors, as TAK clients write them.
const UNKNOWN = '9999999.0';
const point = (lat: number, lon: number) =>
  `<point lat="${lat}" lon="${lon}" hae="${UNKNOWN}" ce="${UNKNOWN}" le="${UNKNOWN}"/>`;

interface Head {
  uid: string;
  type: string;
  how: string;
  now: number;
  staleMs: number;
}
const event = (h: Head, lat: number, lon: number, detail: string) => {
  const time = new Date(h.now).toISOString();
  const stale = new Date(h.now + h.staleMs).toISOString();
  return (
    `<event version="2.0" uid="${esc(h.uid)}" type="${h.type}" how="${h.how}" time="${time}" start="${time}" stale="${stale}">` +
    `${point(lat, lon)}<detail>${detail}</detail></event>`
  );
};

/** ARGB as the signed 32-bit integer TAK styles use; alpha 0..255. */
export function argb(hex: string, alpha = 255): number {
  const rgb = Number.parseInt(hex.slice(1), 16);
  return ((alpha << 24) | rgb) >> 0;
}

/** Stable across exports, so a TAK server updates the same marker rather than adding one. */
export const cotUid = (layer: 'unit' | 'incident' | 'zone', id: string) => `vigie-${layer}-${id}`;

/** A unit with a position; `now` is real time (TAK clients compare it with their own clock). */
export function unitEvent(u: Unit, now: number, host: string): string | null {
  if (u.lat === null || u.lon === null) return null;
  const remarks = `${bannerLine(null, host)} | ${u.country} ${u.agency} | ${u.kind} | ${u.status}`;
  return event(
    {
      uid: cotUid('unit', u.id),
      type: unitCotType(u.kind),
      // A tracker's fix is machine-made (GPS); the rest was reported or placed by a person.
      how: u.positionSource === 'tracker' ? 'm-g' : 'h-e',
      now,
      staleMs: COT_STALE_MS.unit,
    },
    u.lat,
    u.lon,
    `<contact callsign="${esc(u.callsign)}"/><__group name="${esc(u.country)}" role="Team Member"/>` +
      `<remarks>${esc(remarks)}</remarks>`,
  );
}

export function incidentEvent(i: IncidentRow, now: number, host: string): string | null {
  if (i.lat === null || i.lon === null) return null;
  const units = i.assigned.map((a) => a.callsign).join(', ');
  const remarks =
    `${bannerLine(i.marking, host)} | P${i.priority} ${i.status} | ${i.category} | ${i.title}` +
    (units ? ` | units: ${units}` : '');
  return event(
    {
      uid: cotUid('incident', i.id),
      type: INCIDENT_COT_TYPE,
      how: 'h-e',
      now,
      staleMs: COT_STALE_MS.incident,
    },
    i.lat,
    i.lon,
    `<contact callsign="${esc(`${i.reference} ${i.title}`)}"/><remarks>${esc(remarks)}</remarks>`,
  );
}

/** The outer ring as <link point="lat,lon"/> (holes have no place in a TAK shape). */
export function zoneEvent(z: Zone, now: number, host: string): string {
  const outer = z.polygon[0] ?? [];
  const corners = outer.slice(0, -1);
  const lat = corners.reduce((s, p) => s + p[1], 0) / Math.max(corners.length, 1);
  const lon = corners.reduce((s, p) => s + p[0], 0) / Math.max(corners.length, 1);
  const links = outer.map(([x, y]) => `<link point="${y},${x}"/>`).join('');
  const remarks = `${bannerLine(z.marking, host)} | ${z.kind}`;
  return event(
    { uid: cotUid('zone', z.id), type: ZONE_COT_TYPE, how: 'h-e', now, staleMs: COT_STALE_MS.zone },
    lat,
    lon,
    `<contact callsign="${esc(z.name)}"/>${links}` +
      `<strokeColor value="${argb(z.color)}"/><strokeWeight value="3.0"/><fillColor value="${argb(z.color, 64)}"/>` +
      `<labels_on value="true"/><remarks>${esc(remarks)}</remarks>`,
  );
}
