// The open incidents table: what the incoming officer takes over.
import type { HandoverReport, OpenIncident } from './model.js';
import { age } from './format.js';
import { clip, incidentText, locationText, withBanner, type ViewContext } from './view-context.js';
import type { Block, Cell, Column } from './view-types.js';

export function openIncidentsBlock(v: ViewContext, model: HandoverReport): Block {
  const columns: Column[] = [
    { label: v.s.col.reference, width: 64 },
    { label: v.s.col.priority, width: 18 },
    { label: v.s.col.status, width: 60 },
    { label: v.s.col.incident, width: 100 },
    { label: v.s.col.age, width: 34 },
    { label: v.s.col.location, width: 78 },
    { label: v.s.col.units, width: 72 },
    { label: v.s.col.lastNote, width: 89 },
  ];
  return { kind: 'table', columns, rows: model.openIncidents.map((i) => row(v, i)), empty: v.s.none };
}

function row(v: ViewContext, i: OpenIncident): Cell[] {
  const status: Cell = i.overdue
    ? { text: `${v.incidentStatus(i.status)}\n${v.s.overdue[i.overdue]}`, tone: 'warn' }
    : { text: v.incidentStatus(i.status) };
  const note = i.lastNote
    ? `${v.stamp(i.lastNote.at)} ${i.lastNote.operator}${v.s.colon}${clip(i.lastNote.text)}`
    : '';
  return [
    { text: withBanner(i.reference, i.releasability) },
    v.priority(i.priority),
    status,
    { text: incidentText(v, i) },
    { text: age(i.ageMinutes) },
    { text: locationText(i.location, v.lang) },
    { text: i.units.join(', ') },
    { text: note },
  ];
}
