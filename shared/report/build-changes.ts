// "What changed since the last handover": read from the journal after the previous acknowledged
// handover's window end (or this window's start when there is none), up to this window's end.
import { bannerLine } from '../releasability.js';
import type { UnitStatus } from '../domain.js';
import type { ChangesSinceHandover, IncidentBrief, UnitMovement } from './model.js';
import type { ReportSource } from './source.js';
import type { IncidentAtEnd } from './as-of.js';
import { newStatus, oldStatus } from './as-of.js';
import { asPriority, asRecord, asString, fieldChanges } from './journal-data.js';
import { by, within } from './order.js';

const OFF_DUTY: readonly UnitStatus[] = ['off_duty', 'out_of_service'];
const isOff = (s: UnitStatus | null): boolean => s !== null && OFF_DUTY.includes(s);

export function changesSince(
  src: ReportSource,
  atEnd: Map<string, IncidentAtEnd>,
  brief: (i: IncidentAtEnd) => IncidentBrief,
): ChangesSinceHandover {
  const { to } = src.window;
  const since = src.previousHandover?.to ?? src.window.from;
  const entries = src.journal.filter((e) => within(e.at, since, to));
  const units = new Map(src.units.map((u) => [u.id, u]));
  const zones = new Map(src.zones.map((z) => [z.id, z]));
  const host = src.hostCountry ?? 'FR';

  const priorityChanges: ChangesSinceHandover['priorityChanges'] = [];
  const unitsArrived: UnitMovement[] = [];
  const unitsStoodDown: UnitMovement[] = [];
  const zonesChanged: ChangesSinceHandover['zonesChanged'] = [];

  for (const e of entries) {
    if (e.entityType === 'incident') {
      const p = fieldChanges(e.data).get('priority');
      const from = asPriority(p?.from);
      const next = asPriority(p?.to);
      const reference = asString(asRecord(e.data)?.reference) ?? atEnd.get(e.entityId ?? '')?.reference;
      if (from && next && reference)
        priorityChanges.push({ reference, at: e.at, from, to: next, operator: e.operator });
    } else if (e.entityType === 'unit') {
      const unit = units.get(e.entityId ?? '');
      const to = newStatus(e);
      if (!unit || !to) continue;
      const from = e.action === 'unit.created' ? null : oldStatus(e);
      const move: UnitMovement = { callsign: unit.callsign, country: unit.country, at: e.at, from, to };
      if (from === null && e.action === 'unit.created' && !isOff(to)) unitsArrived.push(move);
      else if (isOff(from) && !isOff(to)) unitsArrived.push(move);
      else if (from !== null && !isOff(from) && isOff(to)) unitsStoodDown.push(move);
    } else if (e.entityType === 'zone') {
      const zone = zones.get(e.entityId ?? '');
      const name = zone?.name ?? asString(asRecord(e.data)?.name) ?? e.entityId ?? '?';
      // A deleted zone's entry recorded its marking.
      const recorded = asRecord(e.data)?.marking;
      const marking = zone ? (zone.marking ?? null) : Array.isArray(recorded) ? (recorded as string[]) : null;
      zonesChanged.push({
        zone: name,
        at: e.at,
        action: e.action,
        operator: e.operator,
        releasability: bannerLine(marking, host),
      });
    }
  }

  const newIncidents = [...atEnd.values()]
    .filter((i) => within(i.createdAt, since, to))
    .map(brief)
    .sort(
      by(
        (b) => b.createdAt,
        (b) => b.reference,
      ),
    );
  return {
    since,
    previousHandover: src.previousHandover,
    newIncidents,
    priorityChanges,
    unitsArrived,
    unitsStoodDown,
    zonesChanged,
  };
}
