// Bench data, written with Vigie's own store functions (insertUnit, insertIncident, …) so the
// rows are exactly what the services would have written. The journal entries that go with them are
// appended by BulkJournal: the real entry format and the real SHA-256 chain, but with the chain's
// head kept in memory and one prepared statement, the fast path for building large fixtures.
import { sqliteHandle } from '../../../electron/store/sqlite.js';
import { entryHash, GENESIS_HASH, type NewEntry } from '../../../electron/store/journal.js';
import { openDatabase, type Db } from '../../../electron/store/db.js';
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

export interface JournalRow {
  seq: number;
  hash: string;
  /** The journal insert's parameters, in its column order (seq … prev_hash, hash). */
  params: [number, string, string, string, string, string, string, string | null, string, string, string];
}

/** Entry `e` as the journal row after (seq - 1, prevHash): its real hash, ready to insert. */
export function journalRow(e: NewEntry, seq: number, prevHash: string): JournalRow {
  const row = {
    seq,
    at: e.at,
    recorded_at: e.recordedAt,
    operator: e.operator,
    desk: e.desk,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    data: JSON.stringify(e.data ?? null),
    prev_hash: prevHash,
  };
  const hash = entryHash(row);
  return {
    seq,
    hash,
    params: [
      seq,
      row.at,
      row.recorded_at,
      row.operator,
      row.desk,
      row.action,
      row.entity_type,
      row.entity_id,
      row.data,
      row.prev_hash,
      hash,
    ],
  };
}

/** The journal's fast path: real entries and hashes, the chain's head kept in memory. */
export class BulkJournal {
  private seq: number;
  private prev: string;
  private readonly insert;

  constructor(db: Db) {
    const last = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    this.seq = last?.seq ?? 0;
    this.prev = last?.hash ?? GENESIS_HASH;
    this.insert = db.prepare(
      `INSERT INTO journal (seq, at, recorded_at, operator, desk, action, entity_type, entity_id, data, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  append(e: NewEntry): void {
    const row = journalRow(e, this.seq + 1, this.prev);
    this.insert.run(...row.params);
    this.seq = row.seq;
    this.prev = row.hash;
  }

  get entries(): number {
    return this.seq;
  }
}

const BENCH_OPERATOR = { operator: 'Bench Fixture', desk: 'bench' };
const entry = (
  at: string,
  action: string,
  entityType: string,
  entityId: string | null,
  data: unknown,
): NewEntry => ({
  at,
  recordedAt: at,
  ...BENCH_OPERATOR,
  action,
  entityType,
  entityId,
  data,
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

/** A realistic journal entry for the 1,000,000-entry chain: mostly moves, then incident traffic. */
function chainEntry(seq: number, atMs: number): NewEntry {
  const at = iso(atMs);
  const unit = `01J8Z${String(seq % 5000).padStart(21, '0')}`;
  const k = seq % 20;
  if (k < 14) {
    const lat = 48.85 + (seq % 997) / 1e5;
    const lon = 2.3 + (seq % 991) / 1e5;
    return entry(at, 'unit.moved', 'unit', unit, {
      callsign: `FR-${seq % 5000}`,
      source: 'report',
      from: { lat, lon, at, venueId: null },
      to: { lat: lat + 0.0002, lon: lon - 0.0001, venueId: null },
    });
  }
  const incident = `01J8Y${String(seq % 50_000).padStart(21, '0')}`;
  if (k < 16) {
    return entry(at, 'incident.created', 'incident', incident, {
      reference: `INC-0726-${String(seq % 10_000).padStart(4, '0')}`,
      category: 'unattended_bag',
      priority: 2,
      status: 'new',
      title: "Bagage abandonné pont d'Iéna",
      description: "Signalé près du pont d'Iéna; équipe demandée pour lever le doute.",
      source: 'radio',
      lat: 48.8583,
      lon: 2.2922,
      createdAt: at,
    });
  }
  if (k < 19) {
    return entry(at, 'incident.acknowledge', 'incident', incident, {
      reference: `INC-0726-${String(seq % 10_000).padStart(4, '0')}`,
      from: 'new',
      to: 'acknowledged',
      reason: null,
    });
  }
  return entry(at, 'incident.note_added', 'incident', incident, {
    reference: `INC-0726-${String(seq % 10_000).padStart(4, '0')}`,
    noteId: `01J8X${String(seq).padStart(21, '0')}`,
    text: 'Levée de doute effectuée, RAS.',
  });
}

/**
 * A journal of `count` entries in a fresh database file, through BulkJournal in large
 * transactions. Built with journal_mode=OFF and synchronous=OFF and its named indexes created after
 * the rows (a fixture, not a figure), then switched back to the project's WAL and synchronous=FULL
 * before it is measured.
 */
export function buildJournal(file: string, count: number): void {
  const db = openDatabase(file);
  try {
    sqliteHandle(db).pragma('journal_mode = OFF');
    sqliteHandle(db).pragma('synchronous = OFF');
    sqliteHandle(db).pragma('cache_size = -262144');
    // The journal's named indexes are built once at the end rather than row by row (the same
    // indexes, from the schema's own SQL); the hash's UNIQUE index stays, it is part of the table.
    const indexes = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'journal' AND sql IS NOT NULL",
      )
      .all() as { name: string; sql: string }[];
    for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
    const journal = new BulkJournal(db);
    const start = Date.parse('2024-07-26T04:00:00Z');
    const batch = 50_000;
    for (let first = 1; first <= count; first += batch) {
      db.transaction(() => {
        for (let seq = first; seq < first + batch && seq <= count; seq++)
          journal.append(chainEntry(seq, start + seq * 40));
      })();
    }
    for (const i of indexes) db.exec(i.sql);
    sqliteHandle(db).pragma('journal_mode = WAL');
    sqliteHandle(db).pragma('synchronous = FULL');
  } finally {
    db.close();
  }
}
