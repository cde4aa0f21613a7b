// Turns the model into the document every format renders: header, then the sections in the order
// an incoming officer reads them.
import { PRIORITIES, UNIT_STATUSES } from '../domain.js';
import type { HandoverReport, Officer } from './model.js';
import { fill } from './i18n.js';
import { dateTime, sameDay, clock, zoneLabel } from './format.js';
import { viewContext, briefTable, type ViewContext } from './view-context.js';
import { openIncidentsBlock } from './view-incidents.js';
import { changesBlocks } from './view-changes.js';
import { deploymentBlocks } from './view-units.js';
import { significantBlock } from './view-journal.js';
import { alertLevelRow, bulletinsBlock } from './view-bulletins.js';
import { openRequestsBlock } from './view-requests.js';
import { mapCounts } from './map-draw.js';
import type { ReportView, ViewSection } from './view-types.js';

export interface ViewOptions {
  /** The stored content hash of an acknowledged report, printed in its footer. */
  contentHash?: string | null;
}

export function reportView(model: HandoverReport, options: ViewOptions = {}): ReportView {
  const v = viewContext(model);
  const { s } = v;
  const h = model.header;
  const mode = s.mode[h.operation.mode];
  return {
    lang: model.lang,
    title: s.title,
    mode,
    status:
      model.status === 'preview'
        ? { text: s.preview, preview: true }
        : { text: s.acknowledged, preview: false },
    header: [
      [s.header.operation, `${h.operation.name} (${mode})`],
      [s.header.desk, h.desk],
      [s.header.window, windowText(v, h.window.from, h.window.to)],
      [s.header.outgoing, officer(v, h.outgoing)],
      [s.header.incoming, officer(v, h.incoming)],
      [s.header.generated, bothZones(v, h.generatedAt, true)],
      ...(h.journalHead
        ? [[s.header.journalHead, `#${h.journalHead.seq} ${h.journalHead.hash}`] as [string, string]]
        : []),
    ],
    sections: sections(v, model),
    running: {
      left: `${s.title} · ${h.operation.name} · ${mode}`,
      right: `${s.header.desk} ${h.desk} · ${windowText(v, h.window.from, h.window.to, false)}`,
    },
    hash: options.contentHash ? fill(s.hash, { hash: options.contentHash }) : null,
    pageTemplate: s.page,
  };
}

function sections(v: ViewContext, model: HandoverReport): ViewSection[] {
  const { s } = v;
  const sum = model.summary;
  const counts = mapCounts(model.map);
  return [
    {
      id: 'summary',
      title: s.section.summary,
      blocks: [
        {
          kind: 'facts',
          rows: [
            ...(model.alertLevel ? [alertLevelRow(v, model.alertLevel)] : []),
            [
              s.summary.open,
              `${sum.openIncidents} (${PRIORITIES.map((p) => `P${p} ${sum.openByPriority[`p${p}`]}`).join(' · ')})`,
            ],
            [s.summary.overdue, String(sum.overdue)],
            [s.summary.opened, String(sum.openedDuringWindow)],
            [s.summary.closed, String(sum.closedDuringWindow)],
            [
              s.summary.units,
              `${sum.units} (${UNIT_STATUSES.map((u) => `${s.unitStatus[u]} ${sum.unitsByStatus[u]}`).join(' · ')})`,
            ],
            [s.summary.personnel, String(sum.personnel)],
            [s.summary.stale, String(sum.stalePositions)],
            [s.summary.journal, String(sum.journalEntries)],
          ],
        },
      ],
    },
    {
      id: 'pending',
      title: s.section.pending,
      blocks: [{ kind: 'list', items: model.pendingActions, empty: s.noPending }],
    },
    ...(model.bulletins
      ? [{ id: 'bulletins', title: s.bulletins.section, blocks: [bulletinsBlock(v, model)] }]
      : []),
    {
      id: 'map',
      title: s.section.map,
      blocks: [
        { kind: 'map' },
        { kind: 'text', text: fill(s.mapSummary, { incidents: counts.incidents, units: counts.units }) },
        ...(counts.unitsOutside || counts.venuesOutside
          ? [
              {
                kind: 'text' as const,
                text: fill(s.mapOutside, { units: counts.unitsOutside, venues: counts.venuesOutside }),
                tone: 'muted' as const,
              },
            ]
          : []),
      ],
    },
    { id: 'open', title: s.section.open, blocks: [openIncidentsBlock(v, model)] },
    { id: 'requests', title: s.section.requests, blocks: [openRequestsBlock(v, model)] },
    { id: 'changes', title: s.section.changes, blocks: changesBlocks(v, model) },
    { id: 'opened', title: s.section.opened, blocks: [briefTable(v, model.openedDuringWindow)] },
    { id: 'closed', title: s.section.closed, blocks: [briefTable(v, model.closedDuringWindow)] },
    { id: 'deployment', title: s.section.deployment, blocks: deploymentBlocks(v, model) },
    { id: 'significant', title: s.section.significant, blocks: [significantBlock(v, model)] },
  ];
}

const officer = (v: ViewContext, o: Officer | null): string =>
  o ? (o.role ? `${o.name}, ${v.s.roles[o.role] ?? o.role}` : o.name) : v.s.header.nobody;

/** "26/07/2024 18:00 – 20:00 Paris (16:00 – 18:00 UTC)"; dates repeated when the days differ. */
function windowText(v: ViewContext, from: string, to: string, withUtc = true): string {
  const local = span(from, to, v.timeZone);
  const zone = zoneLabel(v.timeZone);
  return withUtc ? `${local} ${zone} (${span(from, to, 'UTC')} UTC)` : `${local} ${zone}`;
}

function span(from: string, to: string, timeZone: string): string {
  const end = sameDay(from, to, timeZone) ? clock(to, timeZone) : dateTime(to, timeZone);
  return `${dateTime(from, timeZone)} – ${end}`;
}

function bothZones(v: ViewContext, at: string, seconds: boolean): string {
  return `${dateTime(at, v.timeZone, seconds)} ${zoneLabel(v.timeZone)} (${dateTime(at, 'UTC', seconds)} UTC)`;
}
