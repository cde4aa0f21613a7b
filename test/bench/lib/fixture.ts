// Bench data, written with Vigie's own store functions (insertUnit, insertIncident, …) so the
// rows are exactly what the services would have written. The journal entries that go with them are
// appended by BulkJournal (fixture-journal.ts).
import type { Db } from '../../../electron/store/db.js';
import { insertContingent } from '../../../electron/store/contingents.js';
import { insertUnit } from '../../../electron/store/units.js';
import { insertPosition } from '../../../electron/store/positions.js';
import { insertIncident, nextIncidentSequence, type NewIncident } from '../../../electron/store/incidents.js';
import { insertAssignment } from '../../../electron/store/assignments.js';
import { newId } from '../../../electron/services/ids.js';
import { fixedClock, iso } from '../../../shared/clock.js';
import { formatReference, referenceDay } from '../../../shared/reference.js';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  UNIT_KINDS,
  type IncidentCategory,
  type IncidentStatus,
  type Priority,
  type UnitStatus,
} from '../../../shared/domain.js';
import { entry, type BulkJournal } from './fixture-journal.js';

/** A deterministic generator (mulberry32): the same fixture on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Central Paris along the Seine, from Austerlitz to the Trocadéro. */
export const PARIS: Bbox = { west: 2.29, south: 48.848, east: 2.365, north: 48.866 };

export const inBox = (r: () => number, b: Bbox): { lat: number; lon: number } => ({
  lat: +(b.south + r() * (b.north - b.south)).toFixed(6),
  lon: +(b.west + r() * (b.east - b.west)).toFixed(6),
});

const COUNTRIES = [
  'FR',
  'DE',
  'ES',
  'IT',
  'BE',
  'NL',
  'PT',
  'PL',
  'SE',
  'GB',
  'US',
  'CA',
  'JP',
  'BR',
  'MA',
  'SN',
];
const AGENCIES = ['Police', 'Gendarmerie', 'Guardia', 'Polizia', 'Federal Police', 'Civil Protection'];

export interface UnitsOptions {
  count: number;
  bbox: Bbox;
  /** ISO time of the units' position fixes and journal entries. */
  at: string;
  seed: number;
  /** Callsign prefix, e.g. "BX" gives BX-00001. */
  prefix: string;
  /** Share of units not available (assigned, en route, …). */
  busyShare?: number;
}

/** Adds contingents and units (each with a position fix and its journal entry); returns unit ids. */
export function addUnits(db: Db, journal: BulkJournal, o: UnitsOptions): string[] {
  const r = rng(o.seed);
  const clock = fixedClock(Date.parse(o.at));
  const contingents: string[] = [];
  for (let i = 0; i < 48; i++) {
    const c = {
      id: newId(clock),
      country: COUNTRIES[i % COUNTRIES.length] as string,
      agency: `${AGENCIES[i % AGENCIES.length] as string} ${o.prefix}${i}`,
      liaisonName: `Liaison ${i}`,
      liaisonContact: null,
      languages: ['en', 'fr'],
      personnel: 0,
      arrival: null,
      departure: null,
    };
    insertContingent(db, c);
    journal.append(entry(o.at, 'contingent.created', 'contingent', c.id, c));
    contingents.push(c.id);
  }
  const busy: UnitStatus[] = ['assigned', 'en_route', 'on_scene', 'off_duty'];
  const ids: string[] = [];
  for (let i = 1; i <= o.count; i++) {
    const id = newId(clock);
    const p = inBox(r, o.bbox);
    const unit = {
      id,
      callsign: `${o.prefix}-${String(i).padStart(5, '0')}`,
      contingentId: contingents[i % contingents.length] as string,
      kind: UNIT_KINDS[i % UNIT_KINDS.length] as (typeof UNIT_KINDS)[number],
      personnel: 2 + (i % 6),
      armed: i % 3 !== 0,
      status: r() < (o.busyShare ?? 0.2) ? pick(r, busy) : ('available' as UnitStatus),
      venueId: null,
      sector: `S${(i % 12) + 1}`,
      lat: p.lat,
      lon: p.lon,
      positionAt: o.at,
      positionSource: 'scenario',
      k9: null,
      notes: null,
    };
    insertUnit(db, unit);
    insertPosition(db, { unitId: id, at: o.at, lat: p.lat, lon: p.lon, source: 'scenario' });
    journal.append(entry(o.at, 'unit.created', 'unit', id, unit));
    ids.push(id);
  }
  return ids;
}

const WHAT: Record<IncidentCategory, string> = {
  suspicious_package: 'Colis suspect',
  unattended_bag: 'Bagage abandonné',
  crowd_surge: 'Mouvement de foule',
  disorder: 'Rixe',
  medical: 'Malaise spectateur',
  fire_heat: 'Départ de feu',
  lost_person: 'Enfant égaré',
  drone_sighting: 'Drone aperçu',
  cyber: 'Panne des écrans',
  traffic_river: 'Embarcation en difficulté',
  other: 'Signalement',
};
const WHERE = [
  "pont d'Iéna",
  'quai Branly',
  'pont Alexandre III',
  'Trocadéro',
  "quai d'Orsay",
  'pont de la Concorde',
  'île Saint-Louis',
  'pont Neuf',
  'gare d’Austerlitz',
  'quai de la Tournelle',
];

/**
 * How a shift's incidents end up: most closed, a quarter still open (resolved counts as open on
 * the board). Weights, in INCIDENT_STATUSES order.
 */
export const SHIFT_MIX: Record<IncidentStatus, number> = {
  new: 5,
  acknowledged: 5,
  dispatched: 5,
  on_scene: 5,
  resolved: 5,
  closed: 70,
  cancelled: 5,
};

const LIFECYCLE: [IncidentStatus, keyof NewIncident, number][] = [
  ['acknowledged', 'acknowledgedAt', 2],
  ['dispatched', 'dispatchedAt', 5],
  ['on_scene', 'onSceneAt', 14],
  ['resolved', 'resolvedAt', 45],
  ['closed', 'closedAt', 60],
];

function stampsFor(status: IncidentStatus, createdMs: number): Partial<NewIncident> {
  if (status === 'cancelled')
    return { acknowledgedAt: iso(createdMs + 120_000), cancelledAt: iso(createdMs + 600_000) };
  const out: Partial<NewIncident> = {};
  const reached = LIFECYCLE.findIndex(([s]) => s === status);
  LIFECYCLE.slice(0, reached + 1).forEach(([, key, minutes]) => {
    Object.assign(out, { [key]: iso(createdMs + minutes * 60_000) });
  });
  return out;
}

function weighted<T extends string>(r: () => number, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let x = r() * entries.reduce((n, [, w]) => n + w, 0);
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return (entries[entries.length - 1] as [T, number])[0];
}

export interface IncidentsOptions {
  count: number;
  bbox: Bbox;
  /** Creation times spread evenly over [from, to). */
  from: string;
  to: string;
  seed: number;
  mix?: Record<IncidentStatus, number>;
  timezone?: string;
  /** Journal each creation (default true). */
  journal?: boolean;
}

export interface AddedIncident {
  id: string;
  status: IncidentStatus;
  createdAt: string;
}

/** Adds incidents (references from the daily sequence, each with its journal entry). */
export function addIncidents(db: Db, journal: BulkJournal | null, o: IncidentsOptions): AddedIncident[] {
  const r = rng(o.seed);
  const from = Date.parse(o.from);
  const span = Date.parse(o.to) - from;
  const clock = fixedClock(from);
  const added: AddedIncident[] = [];
  for (let i = 0; i < o.count; i++) {
    const createdMs = from + Math.floor((i * span) / o.count);
    clock.set(createdMs);
    const created = iso(createdMs);
    const category = INCIDENT_CATEGORIES[i % INCIDENT_CATEGORIES.length] as IncidentCategory;
    const status = weighted(r, o.mix ?? SHIFT_MIX);
    const place = pick(r, WHERE);
    const day = referenceDay(createdMs, o.timezone ?? 'Europe/Paris');
    const incident: NewIncident = {
      id: newId(clock),
      reference: formatReference(day, nextIncidentSequence(db, day)),
      category,
      priority: (1 + Math.floor(r() * 4)) as Priority,
      status,
      title: `${WHAT[category]} ${place}`,
      description: `Signalé près du ${place}; équipe demandée pour lever le doute (${i}).`,
      source: pick(r, INCIDENT_SOURCES),
      reporter: i % 4 === 0 ? `Agent ${i % 97}` : null,
      ...inBox(r, o.bbox),
      venueId: null,
      sector: `S${(i % 12) + 1}`,
      locationText: place,
      createdAt: created,
      updatedAt: created,
      ...stampsFor(status, createdMs),
    };
    insertIncident(db, incident);
    if (journal && o.journal !== false)
      journal.append(entry(created, 'incident.created', 'incident', incident.id, incident));
    // Unjournaled on purpose (a board of 50,000 for the console bench): the rows are let through
    // the commit's check, and verify's replay would list them.
    else db.touched.take();
    added.push({ id: incident.id, status, createdAt: created });
  }
  return added;
}

/** Assigns units to open incidents (one active assignment per unit), journaled. */
export function addAssignments(
  db: Db,
  journal: BulkJournal,
  pairs: readonly { incidentId: string; unitId: string; at: string }[],
): void {
  const clock = fixedClock(0);
  for (const p of pairs) {
    clock.set(Date.parse(p.at));
    const id = newId(clock);
    insertAssignment(db, { id, incidentId: p.incidentId, unitId: p.unitId, assignedAt: p.at });
    journal.append(entry(p.at, 'incident.unit_assigned', 'incident', p.incidentId, { unitId: p.unitId }));
  }
}
