// Significant journal entries of the window: everything about P1 and P2 incidents, unit
// reassignments, and any override.
import type { Priority } from '../domain.js';
import type { SignificantEntry } from './model.js';
import type { ReportSource, SourceJournalEntry } from './source.js';
import type { IncidentAtEnd } from './as-of.js';
import { asPriority, asRecord, asString, fieldChanges, fromTo } from './journal-data.js';
import { within } from './order.js';

const isHigh = (p: Priority | null): boolean => p === 1 || p === 2;

export function significantEntries(src: ReportSource, atEnd: Map<string, IncidentAtEnd>): SignificantEntry[] {
  const { from, to } = src.window;
  const units = new Map(src.units.map((u) => [u.id, u.callsign]));
  const out: SignificantEntry[] = [];
  for (const e of src.journal) {
    if (!within(e.at, from, to)) continue;
    const data = asRecord(e.data);
    if (e.entityType === 'incident') {
      const incident = atEnd.get(e.entityId ?? '');
      const change = fieldChanges(e.data).get('priority');
      const touchesHigh = isHigh(asPriority(change?.from)) || isHigh(asPriority(change?.to));
      if (!incident || !(isHigh(incident.priority) || touchesHigh || isOverride(e))) continue;
      out.push(entry(e, incident.reference, incident.priority, incidentDetail(e)));
    } else if (e.action === 'unit.reassigned' || isOverride(e)) {
      const subject = asString(data?.callsign) ?? units.get(e.entityId ?? '') ?? e.entityId;
      const t = fromTo(e.data);
      out.push(
        entry(e, subject, null, {
          from: asString(t?.from),
          to: asString(t?.to),
          text: asString(data?.reason),
        }),
      );
    }
  }
  return out;
}

const isOverride = (e: SourceJournalEntry): boolean => e.action.includes('override');

function entry(
  e: SourceJournalEntry,
  subject: string | null,
  priority: Priority | null,
  detail: SignificantEntry['detail'],
): SignificantEntry {
  return {
    seq: e.seq,
    at: e.at,
    operator: e.operator,
    desk: e.desk,
    action: e.action,
    subject,
    priority,
    detail,
  };
}

/** From/to of a transition or priority change, the note, the unit, or the fields changed. */
function incidentDetail(e: SourceJournalEntry): SignificantEntry['detail'] {
  const data = asRecord(e.data);
  const changes = fieldChanges(e.data);
  const priority = changes.get('priority');
  if (priority) {
    return { from: `P${String(priority.from)}`, to: `P${String(priority.to)}`, text: null };
  }
  const t = fromTo(e.data);
  if (t) return { from: asString(t.from), to: asString(t.to), text: asString(data?.reason) };
  if (changes.size) return { from: null, to: null, text: [...changes.keys()].sort().join(', ') };
  const text =
    asString(data?.text) ?? asString(data?.reason) ?? asString(data?.callsign) ?? asString(data?.title);
  return { from: null, to: null, text };
}
