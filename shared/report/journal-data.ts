// Reading the `data` of journal entries written by the services, without trusting its shape:
// each reader returns null when the entry does not carry what it looks for.
import {
  INCIDENT_STATUSES,
  PRIORITIES,
  UNIT_STATUSES,
  type IncidentStatus,
  type Priority,
  type UnitStatus,
} from '../domain.js';

type Rec = Record<string, unknown>;

export const asRecord = (v: unknown): Rec | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : null;

export const asString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const asIncidentStatus = (v: unknown): IncidentStatus | null =>
  INCIDENT_STATUSES.find((s) => s === v) ?? null;

export const asUnitStatus = (v: unknown): UnitStatus | null => UNIT_STATUSES.find((s) => s === v) ?? null;

export const asPriority = (v: unknown): Priority | null => PRIORITIES.find((p) => p === v) ?? null;

/** `{ from, to }` of a transition or a status change entry. */
export function fromTo(data: unknown): { from: unknown; to: unknown } | null {
  const d = asRecord(data);
  return d && 'from' in d && 'to' in d ? { from: d.from, to: d.to } : null;
}

/** `changes: { field: { from, to } }` of an update entry, as a map of field to change. */
export function fieldChanges(data: unknown): Map<string, { from: unknown; to: unknown }> {
  const out = new Map<string, { from: unknown; to: unknown }>();
  const changes = asRecord(asRecord(data)?.changes);
  if (!changes) return out;
  for (const [key, value] of Object.entries(changes)) {
    const c = fromTo(value);
    if (c) out.set(key, c);
  }
  return out;
}

/** Lifecycle actions are journaled as `incident.<action>` with the status it moved from and to. */
export const INCIDENT_TRANSITION_PREFIX = 'incident.';
