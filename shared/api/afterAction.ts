// The after-action report: for any window, the incidents opened in it with their response times,
// the requests between desks with their answer times and the units' busy time, with charts.
import { z } from 'zod';
import { call } from './call.js';
import { isoInstant, type HandoverExport } from './handover.js';
import { REPORT_LANGS } from '../report/model.js';

/** A month: the longest operation phase a single review covers. */
export const MAX_AFTER_ACTION_DAYS = 31;
export const AFTER_ACTION_FORMATS = ['pdf', 'html', 'json'] as const;
export type AfterActionFormat = (typeof AFTER_ACTION_FORMATS)[number];

export const afterActionInput = z
  .object({
    from: isoInstant,
    to: isoInstant,
    format: z.enum(AFTER_ACTION_FORMATS),
    lang: z.enum(REPORT_LANGS).default('en'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const span = Date.parse(v.to) - Date.parse(v.from);
    if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be later than from' });
    else if (span > MAX_AFTER_ACTION_DAYS * 86_400_000)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `an after-action window is at most ${MAX_AFTER_ACTION_DAYS} days`,
      });
  });

/** A file, as the handover export gives one. */
export type AfterActionExport = HandoverExport;

export const afterActionCalls = {
  exportAfterAction: call<AfterActionExport>()(afterActionInput),
};
