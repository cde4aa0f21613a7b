// Reading the journal: newest first, a page at a time (a limit and a "before seq" cursor), narrowed
// by who, where, what and when. Every filter is optional; none given lists the whole journal.
import { z } from 'zod';
import { call, id, line } from './call.js';
import { isoInstant } from './handover.js';
import type { JournalEntry } from '../domain.js';

export const JOURNAL_PAGE_MAX = 1000;

export const journalQuery = z
  .object({
    limit: z.number().int().min(1).max(JOURNAL_PAGE_MAX).default(100),
    /** The cursor: only entries older than this seq (the last seq of the page before). */
    beforeSeq: z.number().int().min(1).optional(),
    /** Part of the operator's name, any case ("girard" finds "Lt. Girard"). */
    operator: line(200).optional(),
    /** The desk, exactly. */
    desk: line(64).optional(),
    /** The entity's type ("incident", "unit", ...), exactly. */
    entityType: line(64).optional(),
    entityId: id.optional(),
    /** An action ("incident.created"), or its family before the dot ("incident"). */
    action: line(100).optional(),
    /** Operation time (`at`), from this instant on, inclusive. */
    from: isoInstant.optional(),
    /** Operation time (`at`), before this instant (exclusive). */
    to: isoInstant.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.from !== undefined && v.to !== undefined && v.to <= v.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be later than from' });
  });

export type JournalQuery = z.output<typeof journalQuery>;

export const journalCalls = {
  listJournal: call<JournalEntry[]>()(journalQuery),
};
