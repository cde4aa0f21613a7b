// Shift handover: preview the report, acknowledge it (stored with its content hash and journaled),
// list acknowledged handovers, and export one, re-rendered from the stored model.
import { z } from 'zod';
import { call, id, line, none, shortText } from './call.js';
import type { Operator } from '../domain.js';
import { login } from './operators.js';
import { REPORT_LANGS, type HandoverReport, type Officer, type ReportLang } from '../report/model.js';

export const MAX_WINDOW_HOURS = 24;
export const EXPORT_FORMATS = ['pdf', 'html', 'md', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An ISO 8601 date-time with Z or an offset, normalised to UTC ("2024-07-26T16:00:00.000Z"). */
export const isoInstant = z.iso
  .datetime({ offset: true, message: 'an ISO 8601 date-time with a zone, e.g. 2024-07-26T18:00:00+02:00' })
  .max(40)
  .transform((s) => new Date(s).toISOString());

const windowRule = (v: { from: string; to: string }, ctx: z.RefinementCtx) => {
  const span = Date.parse(v.to) - Date.parse(v.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be later than from' });
  else if (span > MAX_WINDOW_HOURS * 3_600_000)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `a handover window is at most ${MAX_WINDOW_HOURS} hours`,
    });
};

const handoverFields = {
  from: isoInstant,
  to: isoInstant,
  /** Typed by the outgoing officer, one action a line. */
  pendingActions: z.array(z.string().trim().min(1).max(500)).max(30).default([]),
  lang: z.enum(REPORT_LANGS).default('en'),
};

/** The preview names whom the outgoing officer expects; only the acknowledgement proves who came. */
export const handoverInput = z
  .object({ ...handoverFields, incomingName: shortText.optional(), incomingRole: shortText.optional() })
  .strict()
  .superRefine(windowRule);

/** The incoming officer signs in on the desk with their own passphrase: the acknowledgement is theirs. */
export const acknowledgeInput = z
  .object({ ...handoverFields, incomingLogin: login, incomingPassphrase: z.string().min(1).max(200) })
  .strict()
  .superRefine(windowRule);

export interface HandoverSummary {
  id: string;
  desk: string;
  from: string;
  to: string;
  outgoing: Officer | null;
  incoming: Officer;
  lang: ReportLang;
  acknowledgedAt: string;
  /** SHA-256 (hex) of the stored canonical model: the bytes of the JSON export. */
  contentHash: string;
  /** The journal entry `handover.acknowledged` that records it. */
  journalSeq: number;
}

export interface HandoverWindow {
  desk: string;
  outgoing: Operator;
  /** Where this watch began: the end of the desk's last handover, else the operator's sign-in. */
  from: string;
  /** Now, on the operation clock. */
  to: string;
  previous: HandoverSummary | null;
}

export interface HandoverExport {
  filename: string;
  mime: string;
  base64: string;
}

export const handoverCalls = {
  suggestHandoverWindow: call<HandoverWindow>()(none),
  previewHandover: call<HandoverReport>()(handoverInput),
  acknowledgeHandover: call<{ handover: HandoverSummary; report: HandoverReport }>()(acknowledgeInput),
  listHandovers: call<HandoverSummary[]>()(
    z
      .object({
        desk: line(40).optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),
  exportHandover: call<HandoverExport>()(z.object({ id, format: z.enum(EXPORT_FORMATS) }).strict()),
};
