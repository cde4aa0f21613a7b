// The two roster cells that bend rather than break, as contingents really write them: the venue
// (a known venue, a bridge of the route, or, beside a position, free text kept as the unit's site)
// and the liaison (a contingent's first name wins; a later, different one becomes that unit's contact).
import { matchPlace, type KnownPlaces } from './place-match.js';

/** The contingent a row belongs to: same country, same agency ignoring case (accents count). */
export const contingentKey = (country: string, agency: string): string =>
  `${country}|${agency.normalize('NFC').toLowerCase()}`;

/** Something the import did with a row that the sender should know; nothing was refused. */
export interface RosterWarning {
  /** File line (the header is line 1). */
  line: number;
  /** The column (as named in the format), or "" for the file or the record as a whole. */
  column: string;
  reason: string;
  /** The cell as the file gave it. */
  value?: string;
  /** For a place nothing matched: the closest known names. */
  closest?: string[];
}

/** Free text kept from the venue column: as long as a sector name may be, and more. */
export const MAX_SITE = 200;

export type PlaceCell =
  | {
      ok: true;
      venueId?: string;
      site?: string;
      position?: { lat: number; lon: number };
      warning?: RosterWarning;
    }
  | { ok: false; reason: string };

/** The venue cell `v` of `line`; `placed` when the row gives its own lat and lon. */
export function readPlace(v: string, line: number, placed: boolean, places: KnownPlaces): PlaceCell {
  const match = matchPlace(v, places);
  if (match.kind === 'venue') return { ok: true, venueId: match.venue.id };
  if (match.kind === 'bridge') {
    const { name, lat, lon } = match.bridge;
    return { ok: true, site: name, ...(placed ? {} : { position: { lat, lon } }) };
  }
  const closest = match.closest.length ? `; closest: ${match.closest.join(', ')}` : '';
  if (!placed) {
    return {
      ok: false,
      reason: `no venue or bridge "${v}": give a venue's id or name, or lat and lon${closest}`,
    };
  }
  if (v.length > MAX_SITE) return { ok: false, reason: `longer than ${MAX_SITE} characters` };
  return {
    ok: true,
    site: v,
    warning: {
      line,
      column: 'venue',
      value: v,
      reason: `no venue or bridge "${v}": imported at its position, "${v}" kept as the unit's site`,
      closest: match.closest,
    },
  };
}

interface Liaisoned {
  line: number;
  country: string;
  agency: string;
  liaison?: string;
  contact?: string;
}

/**
 * One contingent, one liaison officer: the first name the file gives for it. A row naming another
 * keeps that name as its unit's contact, takes the contingent's, and is warned about.
 */
export function settleLiaison(
  seen: Map<string, { name: string; line: number }>,
  row: Liaisoned,
): RosterWarning | null {
  if (!row.liaison) return null;
  const key = contingentKey(row.country, row.agency);
  const first = seen.get(key);
  if (!first) {
    seen.set(key, { name: row.liaison, line: row.line });
    return null;
  }
  if (first.name === row.liaison) return null;
  const named = row.liaison;
  row.contact = named;
  row.liaison = first.name;
  return {
    line: row.line,
    column: 'liaison',
    value: named,
    reason:
      `${row.country} ${row.agency} already has liaison "${first.name}" (line ${first.line}): ` +
      `"${named}" kept as this unit's contact`,
  };
}
