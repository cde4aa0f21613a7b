// "Changes since the last handover", as a short statement of where it starts and five lists.
import type { HandoverReport, UnitMovement } from './model.js';
import { fill } from './i18n.js';
import { dateTime, zoneLabel } from './format.js';
import { briefTable, withBanner, type ViewContext } from './view-context.js';
import type { Block, Cell, Column } from './view-types.js';

export function changesBlocks(v: ViewContext, model: HandoverReport): Block[] {
  const c = model.changes;
  const time = `${dateTime(c.since, v.timeZone)} ${zoneLabel(v.timeZone)}`;
  const intro = c.previousHandover
    ? fill(v.s.since, {
        time,
        outgoing: c.previousHandover.outgoing ?? v.s.header.nobody,
        incoming: c.previousHandover.incoming,
      })
    : fill(v.s.sinceStart, { time });
  const priorityColumns: Column[] = [
    { label: v.s.col.reference, width: 80 },
    { label: v.s.col.time, width: 60 },
    { label: v.s.col.change, width: 120 },
    { label: v.s.col.operator, width: 255 },
  ];
  const zoneColumns: Column[] = [
    { label: v.s.col.zone, width: 200 },
    { label: v.s.col.time, width: 60 },
    { label: v.s.col.action, width: 120 },
    { label: v.s.col.operator, width: 135 },
  ];
  return [
    { kind: 'text', text: intro },
    { kind: 'heading', text: v.s.section.newIncidents },
    // Usually the window starts where the last handover ended: the list would repeat the next section.
    c.since === model.header.window.from
      ? { kind: 'text', text: fill(v.s.sameAsOpened, { count: c.newIncidents.length }) }
      : briefTable(v, c.newIncidents),
    { kind: 'heading', text: v.s.section.priorityChanges },
    {
      kind: 'table',
      columns: priorityColumns,
      rows: c.priorityChanges.map((p): Cell[] => [
        { text: p.reference },
        { text: v.stamp(p.at) },
        { text: `P${p.from} → P${p.to}`, tone: p.to < p.from ? 'warn' : undefined },
        { text: p.operator },
      ]),
      empty: v.s.none,
    },
    { kind: 'heading', text: v.s.section.unitsArrived },
    movementTable(v, c.unitsArrived),
    { kind: 'heading', text: v.s.section.unitsStoodDown },
    movementTable(v, c.unitsStoodDown),
    { kind: 'heading', text: v.s.section.zonesChanged },
    {
      kind: 'table',
      columns: zoneColumns,
      rows: c.zonesChanged.map((z): Cell[] => [
        { text: withBanner(z.zone, z.releasability) },
        { text: v.stamp(z.at) },
        { text: v.action(z.action) },
        { text: z.operator },
      ]),
      empty: v.s.none,
    },
  ];
}

function movementTable(v: ViewContext, list: UnitMovement[]): Block {
  const columns: Column[] = [
    { label: v.s.col.callsign, width: 110 },
    { label: v.s.col.country, width: 60 },
    { label: v.s.col.time, width: 60 },
    { label: v.s.col.change, width: 285 },
  ];
  const rows = list.map((m): Cell[] => [
    { text: m.callsign },
    { text: m.country },
    { text: v.stamp(m.at) },
    { text: `${v.unitStatus(m.from)} → ${v.unitStatus(m.to)}` },
  ]);
  return { kind: 'table', columns, rows, empty: v.s.none };
}
