// The after-action report for a window: the rows read (electron/store/after-action.ts), the
// figures computed (shared/after-action/compute.ts), the charts rendered to SVG once and the
// model written out as PDF, HTML or JSON. Host staff only (shared/permissions.ts): the report
// covers every desk's work, and says what it may be released to on every page.
import type { z } from 'zod';
import type { Ctx } from './context.js';
import { requireOperator } from './context.js';
import type { Desk } from './desk.js';
import type { Db } from '../store/db.js';
import type { AfterActionExport, afterActionInput } from '../../shared/api/afterAction.js';
import type { AfterActionReport } from '../../shared/after-action/model.js';
import { computeAfterAction, type ComputeInputs } from '../../shared/after-action/compute.js';
import { CHART_IDS, chartSpecs, type ChartId } from '../../shared/after-action/charts.js';
import { renderAfterActionHtml } from '../../shared/after-action/html.js';
import { canonicalJson } from '../../shared/report/canonical.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import { readAfterAction } from '../store/after-action.js';
import { getOperation, hostCountry } from '../store/meta.js';
import { chartsToSvg } from '../report/charts.js';
import { renderAfterActionPdf } from '../report/after-action-pdf.js';
import type { ReportFonts } from '../report/fonts.js';
import type { TopLevelSpec } from 'vega-lite';

export type AfterActionInput = z.output<typeof afterActionInput>;

const MIME = { pdf: 'application/pdf', html: 'text/html; charset=utf-8', json: 'application/json' } as const;

/** The model for a window, as of `generatedAt` (the operation clock's now in the console). */
export function composeAfterAction(
  db: Db,
  window: { from: string; to: string },
  inputs: ComputeInputs,
): AfterActionReport {
  const op = getOperation(db);
  return computeAfterAction(
    {
      operation: op
        ? { name: op.name, mode: op.mode, timezone: op.timezone }
        : { name: 'Vigie', mode: 'real', timezone: 'UTC' },
      hostCountry: hostCountry(db),
      window,
      ...readAfterAction(db, window),
    },
    inputs,
  );
}

export function renderAfterAction(
  model: AfterActionReport,
  format: AfterActionInput['format'],
  fonts: () => ReportFonts,
): Buffer {
  if (format === 'json') return Buffer.from(canonicalJson(model), 'utf8');
  const specs = chartSpecs(model);
  const charts: Record<ChartId, string> = chartsToSvg(
    Object.fromEntries(CHART_IDS.map((id) => [id, specs[id]])) as Record<ChartId, TopLevelSpec>,
  );
  return format === 'html'
    ? Buffer.from(renderAfterActionHtml(model, charts), 'utf8')
    : renderAfterActionPdf(model, fonts(), charts);
}

/** "after-action-20240726-1600Z-20240726-1800Z-fr.pdf": the window in UTC, the language. */
export function afterActionFilename(model: AfterActionReport, format: AfterActionInput['format']): string {
  const stamp = (t: string) => t.replace(/[-:]/g, '').slice(0, 13).replace('T', '-');
  return `after-action-${stamp(model.window.from)}Z-${stamp(model.window.to)}Z-${model.lang}.${format}`;
}

export function exportAfterAction(
  ctx: Ctx,
  desk: Desk,
  input: AfterActionInput,
  fonts: () => ReportFonts,
): AfterActionExport {
  const who = requireOperator(desk);
  const nowMs = ctx.clock.now();
  if (Date.parse(input.to) > nowMs) {
    throw new ApiError({
      code: 'invalid_input',
      message: `to: ${input.to} is later than the operation clock (${iso(nowMs)}); an after-action report covers what has happened.`,
      issues: [{ path: 'to', message: 'in the future on the operation clock' }],
    });
  }
  const model = composeAfterAction(
    ctx.db,
    { from: input.from, to: input.to },
    {
      lang: input.lang,
      generatedAt: iso(nowMs),
      generatedBy: { name: who.name, role: who.role, desk: who.desk },
    },
  );
  return {
    filename: afterActionFilename(model, input.format),
    mime: MIME[input.format],
    base64: renderAfterAction(model, input.format, fonts).toString('base64'),
  };
}
