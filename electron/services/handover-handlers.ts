import type { DomainHandlers } from './dispatch.js';
import type { handoverCalls } from '../../shared/api/handover.js';
import type { Ctx } from './context.js';
import { reportResources, type ReportResources } from './handover-resources.js';
import { acknowledgeHandover, exportHandover, previewHandover, suggestHandoverWindow } from './handover.js';
import { listHandovers } from '../store/handovers.js';

/** Fonts and river are read on first use, so opening the console does not wait for them. */
export function handoverHandlers(
  ctx: Ctx,
  load: () => ReportResources = reportResources,
): DomainHandlers<typeof handoverCalls> {
  let cached: ReportResources | null = null;
  const res = () => (cached ??= load());
  return {
    suggestHandoverWindow: (_input, desk) => suggestHandoverWindow(ctx, desk),
    previewHandover: (input, desk) => previewHandover(ctx, desk, input, res()),
    acknowledgeHandover: (input, desk) => acknowledgeHandover(ctx, desk, input, res()),
    listHandovers: (input) => listHandovers(ctx.db, input),
    exportHandover: (input) => exportHandover(ctx, input, res),
  };
}
