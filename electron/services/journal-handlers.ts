import type { DomainHandlers } from './dispatch.js';
import type { journalCalls } from '../../shared/api/journal.js';
import type { Ctx } from './context.js';
import { listEntries } from '../store/journal.js';

export const journalHandlers = (ctx: Ctx): DomainHandlers<typeof journalCalls> => ({
  listJournal: (input) => listEntries(ctx.db, input),
});
