import type { DomainHandlers } from './dispatch.js';
import type { afterActionCalls } from '../../shared/api/afterAction.js';
import type { Ctx } from './context.js';
import { defaultResourcesDir } from './handover-resources.js';
import { reportFonts, type ReportFonts } from '../report/fonts.js';
import { exportAfterAction } from './after-action.js';
import { join } from 'node:path';

/** The fonts are found on first use, so opening the console does not wait for them. */
export function afterActionHandlers(
  ctx: Ctx,
  load: () => ReportFonts = () => reportFonts(join(defaultResourcesDir(), 'fonts')),
): DomainHandlers<typeof afterActionCalls> {
  let cached: ReportFonts | null = null;
  const fonts = () => (cached ??= load());
  return {
    exportAfterAction: (input, desk) => exportAfterAction(ctx, desk, input, fonts),
  };
}
