// Unit deployment: status counts by contingent and by sector, then the stale positions grouped by
// sector (callsigns as running text, so thousands of units stay a few pages).
import { UNIT_STATUSES } from '../domain.js';
import type { DeploymentRow, HandoverReport } from './model.js';
import { fill } from './i18n.js';
import { age } from './format.js';
import type { ViewContext } from './view-context.js';
import { LINE_WIDTH, type Block, type Cell, type Column } from './view-types.js';

const NUMBER_WIDTH = 34;
const STATUS_WIDTH = 36;

function numberColumns(v: ViewContext): Column[] {
  return [
    { label: v.s.col.units, width: NUMBER_WIDTH, align: 'right' },
    { label: v.s.col.personnel, width: NUMBER_WIDTH, align: 'right' },
    ...UNIT_STATUSES.map((s): Column => ({
      label: v.s.unitStatusShort[s],
      width: STATUS_WIDTH,
      align: 'right',
    })),
    { label: v.s.col.stale, width: 40, align: 'right' },
  ];
}

const numbers = (r: DeploymentRow): Cell[] => [
  { text: String(r.units) },
  { text: String(r.personnel) },
  ...UNIT_STATUSES.map((s): Cell => ({
    text: String(r.byStatus[s]),
    tone: r.byStatus[s] ? undefined : 'muted',
  })),
  { text: String(r.stale), tone: r.stale ? 'warn' : 'muted' },
];

function totalOf(rows: DeploymentRow[]): DeploymentRow {
  const t: DeploymentRow = {
    units: 0,
    personnel: 0,
    stale: 0,
    byStatus: Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as DeploymentRow['byStatus'],
  };
  for (const r of rows) {
    t.units += r.units;
    t.personnel += r.personnel;
    t.stale += r.stale;
    for (const s of UNIT_STATUSES) t.byStatus[s] += r.byStatus[s];
  }
  return t;
}

export function deploymentBlocks(v: ViewContext, model: HandoverReport): Block[] {
  const d = model.deployment;
  const used = NUMBER_WIDTH * 2 + STATUS_WIDTH * UNIT_STATUSES.length + 40;
  const byContingent: Block = {
    kind: 'table',
    columns: [
      { label: v.s.col.country, width: 44 },
      { label: v.s.col.agency, width: LINE_WIDTH - used - 44 },
      ...numberColumns(v),
    ],
    rows: d.byContingent.map((r) => [{ text: r.country }, { text: r.agency }, ...numbers(r)]),
    empty: v.s.none,
    total: [{ text: v.s.total }, { text: '' }, ...numbers(totalOf(d.byContingent))],
  };
  const bySector: Block = {
    kind: 'table',
    columns: [{ label: v.s.col.sector, width: LINE_WIDTH - used }, ...numberColumns(v)],
    rows: d.bySector.map((r) => [{ text: r.sector ?? v.s.noSector }, ...numbers(r)]),
    empty: v.s.none,
    total: [{ text: v.s.total }, ...numbers(totalOf(d.bySector))],
  };
  return [
    { kind: 'heading', text: v.s.section.byContingent },
    byContingent,
    { kind: 'heading', text: v.s.section.bySector },
    bySector,
    { kind: 'heading', text: v.s.section.stale },
    { kind: 'text', text: fill(v.s.staleRule, { minutes: d.staleMinutes }) },
    ...staleGroups(v, model),
  ];
}

function staleGroups(v: ViewContext, model: HandoverReport): Block[] {
  const groups = new Map<string, HandoverReport['deployment']['stalePositions']>();
  for (const p of model.deployment.stalePositions) {
    const key = p.sector ?? v.s.noSector;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  if (!groups.size) return [{ kind: 'text', text: v.s.none }];
  return [...groups].flatMap(([sector, list]): Block[] => {
    const oldest = list.reduce((a, b) => (b.positionAt < a.positionAt ? b : a));
    return [
      {
        kind: 'text',
        text: fill(v.s.staleGroup, {
          sector,
          count: list.length,
          time: v.stamp(oldest.positionAt),
          age: age(oldest.ageMinutes),
        }),
      },
      {
        kind: 'text',
        text: list.map((p) => `${p.callsign} (${age(p.ageMinutes)})`).join(', '),
        tone: 'muted',
      },
    ];
  });
}
