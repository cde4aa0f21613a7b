// Rewinds incidents and units from the rows as they are now to the window's end: every journaled
// change made after it is undone, latest first, so each field ends on the value it had then.
import type { Incident, UnitStatus } from '../domain.js';
import type { SourceIncident, SourceJournalEntry, SourceUnit } from './source.js';
import {
  asIncidentStatus,
  asPriority,
  asRecord,
  asString,
  asUnitStatus,
  fieldChanges,
  fromTo,
} from './journal-data.js';

export type IncidentAtEnd = SourceIncident;
export type UnitAtEnd = SourceUnit;

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Incident fields an update entry may carry, and how to read their old value. */
const INCIDENT_FIELDS: { [K in keyof IncidentAtEnd]?: (v: unknown) => IncidentAtEnd[K] | undefined } = {
  priority: (v) => asPriority(v) ?? undefined,
  title: (v) => asString(v) ?? undefined,
  venueId: (v) => asString(v),
  sector: (v) => asString(v),
  locationText: (v) => asString(v),
  lat: num,
  lon: num,
};

const STAMPS = ['acknowledgedAt', 'onSceneAt'] as const satisfies readonly (keyof Incident)[];

export function incidentsAtEnd(
  incidents: readonly SourceIncident[],
  journal: readonly SourceJournalEntry[],
  to: string,
): Map<string, IncidentAtEnd> {
  const byId = new Map(incidents.map((i) => [i.id, { ...i }]));
  for (const e of laterFirst(journal, to)) {
    const i = e.entityType === 'incident' && e.entityId ? byId.get(e.entityId) : undefined;
    if (!i) continue;
    const t = fromTo(e.data);
    const from = t ? asIncidentStatus(t.from) : null;
    if (from && asIncidentStatus(t?.to)) i.status = from;
    for (const [field, change] of fieldChanges(e.data)) {
      const read = INCIDENT_FIELDS[field as keyof IncidentAtEnd];
      const old = read?.(change.from);
      if (old !== undefined) Object.assign(i, { [field]: old });
    }
  }
  for (const i of byId.values()) {
    for (const s of STAMPS) if (i[s] !== null && i[s] > to) i[s] = null;
  }
  return byId;
}

/**
 * Units as they stood at the window's end. A unit journaled as created after it did not exist yet,
 * unless it already had a position fix by then: seeding an exercise journals its units on the
 * wall clock, after the scenario's operation times, while their first fix is on the scenario clock.
 */
export function unitsAtEnd(
  units: readonly SourceUnit[],
  journal: readonly SourceJournalEntry[],
  to: string,
  placedByEnd: ReadonlySet<string>,
): Map<string, UnitAtEnd> {
  const byId = new Map(units.map((u) => [u.id, { ...u }]));
  for (const e of laterFirst(journal, to)) {
    const u = e.entityType === 'unit' && e.entityId ? byId.get(e.entityId) : undefined;
    if (!u || !e.entityId) continue;
    if (e.action === 'unit.created') {
      if (!placedByEnd.has(e.entityId)) byId.delete(e.entityId);
      continue;
    }
    const status = oldStatus(e);
    if (status) u.status = status;
    const sector = fieldChanges(e.data).get('sector');
    if (sector) u.sector = asString(sector.from);
  }
  return byId;
}

/** The status a unit entry moved away from, if it changed the status. */
export function oldStatus(e: SourceJournalEntry): UnitStatus | null {
  if (e.action === 'unit.status_changed') return asUnitStatus(fromTo(e.data)?.from);
  return asUnitStatus(fieldChanges(e.data).get('status')?.from);
}

/** The status a unit entry moved to, if it changed the status (or created the unit). */
export function newStatus(e: SourceJournalEntry): UnitStatus | null {
  if (e.action === 'unit.status_changed') return asUnitStatus(fromTo(e.data)?.to);
  if (e.action === 'unit.created') return asUnitStatus(asRecord(e.data)?.status) ?? 'available';
  return asUnitStatus(fieldChanges(e.data).get('status')?.to);
}

function laterFirst(journal: readonly SourceJournalEntry[], to: string): SourceJournalEntry[] {
  return journal.filter((e) => e.at > to).sort((a, b) => b.seq - a.seq);
}
