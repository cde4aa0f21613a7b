// Assignment by need: which unit kinds each incident category usually needs, how long a unit takes
// to get there, and the order the assign list offers units in. Pure: the service and the tests call
// it with units, settings and "now"; nothing here reads a clock or a database.
import type { IncidentCategory, UnitKind, UnitStatus } from './domain.js';
import { k9Rest, type K9RestState } from './k9-rest.js';

/** Category → the unit kinds it usually needs, in the order the desk reaches for them. */
export type UnitNeeds = Record<IncidentCategory, UnitKind[]>;

export const DEFAULT_UNIT_NEEDS: UnitNeeds = {
  suspicious_package: ['k9_explosives', 'eod'],
  unattended_bag: ['k9_explosives', 'eod'],
  crowd_surge: ['public_order', 'medical'],
  disorder: ['public_order', 'patrol'],
  medical: ['medical'],
  fire_heat: ['fire_rescue', 'medical'],
  lost_person: ['patrol', 'liaison'],
  drone_sighting: ['drone', 'patrol'],
  cyber: ['command'],
  traffic_river: ['river'],
  other: [],
};

export const TRAVEL_MODES = ['foot', 'road', 'river'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** How each kind moves in an event city: foot teams and dogs walk, boats take the river. */
export const TRAVEL_MODE: Record<UnitKind, TravelMode> = {
  patrol: 'foot',
  k9_explosives: 'foot',
  k9_patrol: 'foot',
  public_order: 'road',
  mounted: 'foot',
  river: 'river',
  eod: 'road',
  medical: 'road',
  liaison: 'foot',
  cbrn: 'road',
  drone: 'road',
  command: 'road',
  fire_rescue: 'road',
  military: 'foot',
};

/** Speed assumptions (km/h) and the detour factor applied to the straight line. */
export interface TravelSettings {
  footKmh: number;
  roadKmh: number;
  riverKmh: number;
  /** Streets, quays and barriers make the way longer than the straight line. */
  detour: number;
}

// Road speed of an event city with closed streets and crowds, not of open roads.
export const DEFAULT_TRAVEL: TravelSettings = { footKmh: 5, roadKmh: 25, riverKmh: 15, detour: 1.3 };

const speedOf = (mode: TravelMode, t: TravelSettings): number =>
  mode === 'foot' ? t.footKmh : mode === 'road' ? t.roadKmh : t.riverKmh;

/** Whole minutes (rounded up, at least 1 unless already there) to cover a straight line of `metres`. */
export function travelMinutes(metres: number, mode: TravelMode, t: TravelSettings): number {
  if (metres <= 0) return 0;
  return Math.max(1, Math.ceil(((metres / 1000) * t.detour * 60) / speedOf(mode, t)));
}

/** Straight-line distance in metres (haversine; good to well under 1 % at city scale). */
export function straightLineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** What the ranking needs to know of a unit. */
export interface RankableUnit {
  id: string;
  callsign: string;
  kind: UnitKind;
  status: UnitStatus;
  lat: number | null;
  lon: number | null;
  k9: { restDue: string | null } | null;
}

/** The groups of the assign list, in order. */
export const SUGGESTION_GROUPS = ['suggested', 'available', 'busy', 'untaskable'] as const;
export type SuggestionGroup = (typeof SUGGESTION_GROUPS)[number];

export interface Suggestion<U extends RankableUnit = RankableUnit> {
  unit: U;
  group: SuggestionGroup;
  /** The unit's kind is one the incident's category needs. */
  needed: boolean;
  mode: TravelMode;
  /** Straight line to the incident, metres; null when either has no position. */
  distanceM: number | null;
  travelMinutes: number | null;
  /** A dog team's rest; null for other kinds. */
  rest: K9RestState | null;
}

export interface RankInput<U extends RankableUnit> {
  units: readonly U[];
  /** The incident's position (its point, else its venue's); null when it has none. */
  at: { lat: number; lon: number } | null;
  needs: readonly UnitKind[];
  travel: TravelSettings;
  nowMs: number;
  /** Minutes before a rest is due that it is warned of. */
  warnMinutes?: number;
}

const BUSY: readonly UnitStatus[] = ['assigned', 'en_route', 'on_scene'];
const UNTASKABLE: readonly UnitStatus[] = ['off_duty', 'out_of_service'];

function groupOf(status: UnitStatus, needed: boolean, rest: K9RestState | null): SuggestionGroup {
  if (UNTASKABLE.includes(status)) return 'untaskable';
  if (BUSY.includes(status)) return 'busy';
  // A dog past its rest time is never suggested: it stays assignable, after a confirmation.
  return needed && rest?.level !== 'due' ? 'suggested' : 'available';
}

/**
 * The assign list's order: available units of a needed kind (not dogs past rest), then the other
 * available units, then units busy elsewhere, then those off duty or out of service. Within a
 * group, the quickest there first (unknown travel last), then by callsign.
 */
export function rankSuggestions<U extends RankableUnit>(input: RankInput<U>): Suggestion<U>[] {
  const rank = (g: SuggestionGroup) => SUGGESTION_GROUPS.indexOf(g);
  return input.units
    .map((unit): Suggestion<U> => {
      const needed = input.needs.includes(unit.kind);
      const rest = k9Rest(unit, input.nowMs, input.warnMinutes);
      const mode = TRAVEL_MODE[unit.kind];
      const distanceM =
        input.at && unit.lat !== null && unit.lon !== null
          ? Math.round(straightLineM(input.at.lat, input.at.lon, unit.lat, unit.lon))
          : null;
      return {
        unit,
        group: groupOf(unit.status, needed, rest),
        needed,
        mode,
        distanceM,
        travelMinutes: distanceM === null ? null : travelMinutes(distanceM, mode, input.travel),
        rest,
      };
    })
    .sort(
      (a, b) =>
        rank(a.group) - rank(b.group) ||
        (a.travelMinutes ?? Infinity) - (b.travelMinutes ?? Infinity) ||
        (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) ||
        a.unit.callsign.localeCompare(b.unit.callsign),
    );
}
