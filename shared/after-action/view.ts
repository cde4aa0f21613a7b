// The after-action report as a document: sections of facts, tables, text and charts, every string
// translated and formatted. The HTML and the PDF both render this one view.
import type { Block, Cell, Column, Tone } from '../report/view-types.js';
import { stringsFor, fill } from '../report/i18n.js';
import { dateTime, dayTime, zoneLabel, age } from '../report/format.js';
import type { AfterActionReport, Stat, StepStats } from './model.js';
import { RESPONSE_STEPS } from './model.js';
import { afterActionStrings, duration } from './i18n.js';
import type { ChartId } from './charts.js';

export type AarBlock = Block | { kind: 'chart'; id: ChartId; title: string };

export interface AarSection {
  id: string;
  title: string;
  blocks: AarBlock[];
}

export interface AarView {
  lang: AfterActionReport['lang'];
  title: string;
  mode: string;
  /** The document's banner, printed on its first line and on every page. */
  releasability: string;
  header: [label: string, value: string][];
  sections: AarSection[];
  running: { left: string; right: string };
  pageTemplate: string;
}

const TONE: Record<number, Tone> = { 1: 'p1', 2: 'p2', 3: 'p3', 4: 'p4' };

export function afterActionView(m: AfterActionReport): AarView {
  const s = afterActionStrings(m.lang);
  const r = stringsFor(m.lang);
  const tz = m.operation.timezone;
  const when = (iso: string) => dateTime(iso, tz);
  const window = `${when(m.window.from)} → ${when(m.window.to)} (${zoneLabel(tz)})`;
  const statRows = (label: string, stats: StepStats): Cell[][] =>
    RESPONSE_STEPS.map((step, i) => [
      { text: i === 0 ? label : '' },
      { text: s.step[step] },
      ...statCells(stats[step]),
    ]);
  const statColumns: Column[] = [
    { label: s.col.group, width: 135 },
    { label: s.col.step, width: 110 },
    { label: s.col.count, width: 60, align: 'right' },
    { label: s.col.median, width: 70, align: 'right' },
    { label: s.col.p90, width: 70, align: 'right' },
    { label: s.col.max, width: 70, align: 'right' },
  ];
  const statTable = (rows: Cell[][]): AarBlock => ({
    kind: 'table',
    columns: statColumns,
    rows,
    empty: s.noIncidents,
  });
  const answered = m.requestStats;
  return {
    lang: m.lang,
    title: s.title,
    mode: r.mode[m.operation.mode],
    releasability: m.releasability,
    header: [
      [s.header.operation, `${m.operation.name} · ${r.mode[m.operation.mode]}`],
      [s.header.window, window],
      [s.header.generated, when(m.generatedAt)],
      [
        s.header.by,
        `${m.generatedBy.name} (${r.roles[m.generatedBy.role] ?? m.generatedBy.role}) · ${m.generatedBy.desk}`,
      ],
      [s.header.releasability, m.releasability],
    ],
    sections: [
      {
        id: 'definitions',
        title: s.section.definitions,
        blocks: [{ kind: 'list', items: s.definitions, empty: '' }],
      },
      {
        id: 'summary',
        title: s.section.summary,
        blocks: [
          statTable(
            m.incidents.length ? statRows(fill(s.allIncidents, { n: m.incidents.length }), m.overall) : [],
          ),
        ],
      },
      {
        id: 'by-priority',
        title: s.section.byPriority,
        blocks: [
          statTable(m.byPriority.flatMap((p) => statRows(fill(s.priority, { p: p.priority }), p.stats))),
          ...(m.incidents.length
            ? [{ kind: 'chart', id: 'byPriority', title: s.chart.byPriority } as const]
            : []),
        ],
      },
      {
        id: 'by-category',
        title: s.section.byCategory,
        blocks: [statTable(m.byCategory.flatMap((c) => statRows(r.category[c.category], c.stats)))],
      },
      {
        id: 'timeline',
        title: s.section.timeline,
        blocks: [
          ...(m.incidents.length ? [{ kind: 'chart', id: 'perHour', title: s.chart.perHour } as const] : []),
          {
            kind: 'table',
            columns: [
              { label: s.col.reference, width: 72 },
              { label: s.col.opened, width: 48 },
              { label: s.col.priority, width: 18 },
              { label: s.col.title, width: 130 },
              { label: s.col.ack, width: 34, align: 'right' },
              { label: s.col.dispatch, width: 34, align: 'right' },
              { label: s.col.onScene, width: 34, align: 'right' },
              { label: s.col.finished, width: 48 },
              { label: s.col.marking, width: 97 },
            ],
            rows: m.incidents.map((i) => [
              { text: i.reference },
              { text: dayTime(i.openedAt, tz) },
              { text: String(i.priority), tone: TONE[i.priority] ?? 'muted' },
              { text: `${i.title}\n${r.category[i.category]} · ${r.incidentStatus[i.status]}` },
              { text: duration(i.acknowledgeS) },
              { text: duration(i.dispatchS) },
              { text: duration(i.onSceneS) },
              { text: i.finishedAt ? dayTime(i.finishedAt, tz) : '—' },
              { text: i.releasability, tone: 'muted' },
            ]),
            empty: s.noIncidents,
          },
        ],
      },
      {
        id: 'requests',
        title: s.section.requests,
        blocks: [
          ...(m.requests.length
            ? [
                {
                  kind: 'text',
                  text: fill(s.answeredLine, {
                    count: m.requests.length,
                    answered: answered.count,
                    median: duration(answered.medianS),
                    p90: duration(answered.p90S),
                    max: duration(answered.maxS),
                  }),
                } as const,
              ]
            : []),
          {
            kind: 'table',
            columns: [
              { label: s.col.asked, width: 50 },
              { label: s.col.from, width: 55 },
              { label: s.col.to, width: 95 },
              { label: s.col.text, width: 180 },
              { label: s.col.answered, width: 65, align: 'right' },
              { label: s.col.outcome, width: 70 },
            ],
            rows: m.requests.map((q) => [
              { text: dayTime(q.askedAt, tz) },
              { text: q.fromDesk },
              { text: `${q.to}\n${s.targetKind[q.targetKind]}` },
              { text: q.text },
              { text: duration(q.answeredS) },
              { text: s.requestStatus[q.status] },
            ]),
            empty: s.noRequests,
          },
        ],
      },
      {
        id: 'busy',
        title: s.section.busy,
        blocks: [
          ...(m.busy.some((b) => b.totalS > 0)
            ? [{ kind: 'chart', id: 'busy', title: s.chart.busy } as const]
            : []),
          {
            kind: 'table',
            columns: [
              { label: s.col.contingent, width: 150 },
              { label: s.col.units, width: 45, align: 'right' },
              { label: r.unitStatus.assigned, width: 60, align: 'right' },
              { label: r.unitStatus.en_route, width: 60, align: 'right' },
              { label: r.unitStatus.on_scene, width: 60, align: 'right' },
              { label: s.col.total, width: 75, align: 'right' },
              { label: s.col.perUnit, width: 65, align: 'right' },
            ],
            rows: m.busy.map((b) => [
              { text: b.contingent },
              { text: String(b.units) },
              { text: minutes(b.byState.assigned) },
              { text: minutes(b.byState.en_route) },
              { text: minutes(b.byState.on_scene) },
              { text: minutes(b.totalS) },
              { text: minutes(b.perUnitS) },
            ]),
            empty: s.noUnits,
          },
        ],
      },
    ],
    running: { left: `${m.operation.name} · ${s.title}`, right: m.releasability },
    pageTemplate: s.page,
  };
}

/** Busy time in the console's wording: "45 min", "2 h 05" (whole minutes). */
const minutes = (seconds: number): string => age(Math.round(seconds / 60));

const statCells = (st: Stat): Cell[] => [
  { text: String(st.count) },
  { text: duration(st.medianS) },
  { text: duration(st.p90S) },
  { text: duration(st.maxS) },
];
