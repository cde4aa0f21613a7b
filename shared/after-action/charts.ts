// The report's charts as Vega-Lite specifications: plain data, inline values only (nothing is
// loaded), the report's typeface and palette. electron/report/charts.ts renders them to SVG.
import type { TopLevelSpec } from 'vega-lite';
import { PRIORITIES } from '../domain.js';
import { PRIORITY_INK, UNIT_STATUS_INK } from '../report/palette.js';
import { stringsFor } from '../report/i18n.js';
import { clock, dayTime } from '../report/format.js';
import { BUSY_STATES, RESPONSE_STEPS, type AfterActionReport } from './model.js';
import { afterActionStrings } from './i18n.js';

export const CHART_IDS = ['byPriority', 'perHour', 'busy'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** The shipped face (resources/fonts): the PDF maps it to the embedded Inter, the HTML names it. */
export const CHART_FONT = 'Inter';

const config = {
  font: CHART_FONT,
  background: '#ffffff',
  view: { stroke: null },
  axis: { labelFontSize: 9, titleFontSize: 9, titleFontWeight: 'bold', gridColor: '#e5e7eb' },
  legend: { labelFontSize: 9, titleFontSize: 9, titleFontWeight: 'bold', orient: 'right' },
} as const;

/** Contingents drawn in the busy-hours chart, so that it fits on a page. */
export const BUSY_CHART_ROWS = 12;

const STEP_INK = ['#0f766e', '#2563eb', '#7c3aed'];

export function chartSpecs(m: AfterActionReport): Record<ChartId, TopLevelSpec> {
  const s = afterActionStrings(m.lang);
  const r = stringsFor(m.lang);
  const pLabel = (p: number) => `P${p}`;
  const steps = RESPONSE_STEPS.map((st) => s.step[st]);
  const byPriority = m.byPriority.flatMap((p) =>
    RESPONSE_STEPS.flatMap((st) => {
      const median = p.stats[st].medianS;
      return median === null
        ? []
        : [{ priority: pLabel(p.priority), step: s.step[st], minutes: median / 60 }];
    }),
  );
  const hours = hourLabels(m);
  const label = hourLabel(m);
  const perHour = m.perHour.map((h) => ({
    hour: label(h.hourStart),
    priority: pLabel(h.priority),
    count: h.count,
  }));
  // The busiest contingents: the table below the chart lists every one.
  const busy = m.busy
    .filter((b) => b.totalS > 0)
    .slice(0, BUSY_CHART_ROWS)
    .flatMap((b) =>
      BUSY_STATES.map((st) => ({
        contingent: b.contingent,
        state: r.unitStatus[st],
        hours: b.byState[st] / 3600,
      })),
    );
  const priorityColour = {
    domain: PRIORITIES.map(pLabel),
    range: PRIORITIES.map((p) => PRIORITY_INK[p]),
  };
  return {
    byPriority: {
      config,
      width: 400,
      height: 150,
      data: { values: byPriority },
      mark: 'bar',
      encoding: {
        x: { field: 'priority', type: 'nominal', title: s.chart.priority, axis: { labelAngle: 0 } },
        xOffset: { field: 'step', type: 'nominal', sort: steps },
        y: { field: 'minutes', type: 'quantitative', title: s.chart.minutes },
        color: {
          field: 'step',
          type: 'nominal',
          title: s.chart.step,
          sort: steps,
          scale: { domain: steps, range: STEP_INK },
        },
      },
    },
    perHour: {
      config,
      width: 400,
      height: 150,
      data: { values: perHour },
      mark: 'bar',
      encoding: {
        x: {
          field: 'hour',
          type: 'ordinal',
          title: s.chart.hour,
          scale: { domain: hours },
          axis: { labelAngle: 0 },
        },
        y: {
          field: 'count',
          type: 'quantitative',
          title: s.chart.incidents,
          stack: 'zero',
          axis: { tickMinStep: 1 },
        },
        color: { field: 'priority', type: 'nominal', title: s.chart.priority, scale: priorityColour },
        order: { field: 'priority' },
      },
    },
    busy: {
      config,
      width: 360,
      height: { step: 18 },
      data: { values: busy },
      mark: 'bar',
      encoding: {
        y: { field: 'contingent', type: 'nominal', title: null, sort: '-x' },
        x: { field: 'hours', type: 'quantitative', title: s.chart.hours, stack: 'zero' },
        color: {
          field: 'state',
          type: 'nominal',
          title: s.chart.state,
          scale: {
            domain: BUSY_STATES.map((st) => r.unitStatus[st]),
            range: BUSY_STATES.map((st) => UNIT_STATUS_INK[st]),
          },
        },
      },
    },
  };
}

/** Every hour of the window on the axis, even those with nothing opened, in the operation's zone. */
function hourLabels(m: AfterActionReport): string[] {
  const start = Date.parse(m.window.from);
  const label = hourLabel(m);
  return Array.from({ length: hoursIn(m) }, (_, h) => label(new Date(start + h * 3_600_000).toISOString()));
}

const hoursIn = (m: AfterActionReport): number =>
  Math.max(1, Math.ceil((Date.parse(m.window.to) - Date.parse(m.window.from)) / 3_600_000));

/** "18:00" in a window of a day at most, else "26/07 18:00" (an hour's label must be unique). */
function hourLabel(m: AfterActionReport): (iso: string) => string {
  const tz = m.operation.timezone;
  return hoursIn(m) > 24 ? (iso) => dayTime(iso, tz) : (iso) => clock(iso, tz);
}
