// The incident sections: open at the window's end, opened and closed during the window.
import { isFinished, isOpen } from '../incident-lifecycle.js';
import { overdue } from '../overdue.js';
import type { IncidentBrief, OpenIncident } from './model.js';
import type { ReportSource, SourceJournalEntry } from './source.js';
import type { IncidentAtEnd } from './as-of.js';
import { asIncidentStatus, fromTo } from './journal-data.js';
import { by, minutesBetween, within } from './order.js';
import { bannerLine } from '../releasability.js';
import { nameOfPoint } from '../place-name.js';

export interface IncidentSections {
  openIncidents: OpenIncident[];
  openedDuringWindow: IncidentBrief[];
  closedDuringWindow: IncidentBrief[];
  brief: (i: IncidentAtEnd) => IncidentBrief;
}

export function incidentSections(src: ReportSource, atEnd: Map<string, IncidentAtEnd>): IncidentSections {
  const { from, to } = src.window;
  const venues = new Map(src.venues.map((v) => [v.id, v.name]));
  const units = new Map<string, string[]>();
  for (const a of src.assignments) units.set(a.incidentId, [...(units.get(a.incidentId) ?? []), a.callsign]);
  const notes = new Map(src.lastNotes.map((n) => [n.incidentId, n]));
  const finished = finishTimes(src.journal, to);
  const banner = (i: IncidentAtEnd) => bannerLine(i.marking ?? null, src.hostCountry ?? 'FR');

  const brief = (i: IncidentAtEnd): IncidentBrief => ({
    reference: i.reference,
    priority: i.priority,
    category: i.category,
    title: i.title,
    status: i.status,
    createdAt: i.createdAt,
    finishedAt: isFinished(i.status) ? (finished.get(i.id) ?? null) : null,
    releasability: banner(i),
  });

  const all = [...atEnd.values()].filter((i) => i.createdAt <= to);
  const openIncidents = all
    .filter((i) => isOpen(i.status))
    .sort(
      by(
        (i) => i.priority,
        (i) => i.createdAt,
        (i) => i.reference,
      ),
    )
    .map((i): OpenIncident => {
      const note = notes.get(i.id);
      return {
        reference: i.reference,
        priority: i.priority,
        status: i.status,
        category: i.category,
        title: i.title,
        createdAt: i.createdAt,
        ageMinutes: minutesBetween(i.createdAt, to),
        overdue: overdue(i, Date.parse(to)),
        location: {
          venue: i.venueId ? (venues.get(i.venueId) ?? i.venueId) : null,
          sector: i.sector,
          text: i.locationText,
          lat: i.lat,
          lon: i.lon,
          ...(src.places
            ? { place: i.lat !== null && i.lon !== null ? nameOfPoint(i.lon, i.lat, src.places) : null }
            : {}),
        },
        units: [...(units.get(i.id) ?? [])].sort(),
        lastNote: note ? { at: note.at, operator: note.operator, text: note.text } : null,
        releasability: banner(i),
      };
    });
  const openedDuringWindow = all
    .filter((i) => within(i.createdAt, from, to))
    .map(brief)
    .sort(
      by(
        (b) => b.createdAt,
        (b) => b.reference,
      ),
    );
  const closedDuringWindow = all
    .map(brief)
    .filter((b) => b.finishedAt !== null && within(b.finishedAt, from, to))
    .sort(
      by(
        (b) => b.finishedAt,
        (b) => b.reference,
      ),
    );
  return { openIncidents, openedDuringWindow, closedDuringWindow, brief };
}

/** When each incident last entered a finished status, at or before the window's end. */
function finishTimes(journal: readonly SourceJournalEntry[], to: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of journal) {
    if (e.at > to || e.entityType !== 'incident' || !e.entityId) continue;
    const next = asIncidentStatus(fromTo(e.data)?.to);
    if (next && isFinished(next)) out.set(e.entityId, e.at);
  }
  return out;
}
