import { z } from 'zod';
import { call, id } from './call.js';
import type { JournalEntry } from '../domain.js';

export const journalCalls = {
  listJournal: call<JournalEntry[]>()(
    z
      .object({
        limit: z.number().int().min(1).max(1000).default(100),
        beforeSeq: z.number().int().min(1).optional(),
        entityId: id.optional(),
      })
      .strict(),
  ),
};
