// The contract's handlers, joined from one module per domain. `satisfies Handlers` makes a call
// without a handler (or a handler without a call) a compile error.
import type { Handlers } from './dispatch.js';
import type { Ctx } from './context.js';
import type { SessionState } from './session.js';
import { sessionHandlers } from './session-handlers.js';
import { mapHandlers } from './map-handlers.js';
import { unitHandlers } from './unit-handlers.js';
import { incidentHandlers } from './incident-handlers.js';
import { journalHandlers } from './journal-handlers.js';
import { handoverHandlers } from './handover-handlers.js';
import { backupHandlers, type BackupControl } from './backup-handlers.js';
import { operatorHandlers } from './operator-handlers.js';
import { awarenessHandlers } from './awareness-handlers.js';
import { bulletinHandlers } from './bulletin-handlers.js';
import { requestHandlers } from './request-handlers.js';
import { operationHandlers, type OperationPlace } from './operation-handlers.js';
import { exchangeHandlers } from './exchange-handlers.js';
import type { TakTarget } from './tak-address.js';
import { exerciseHandlers } from './exercise-handlers.js';
import { replayHandlers } from './replay-handlers.js';
import { guardHandlers } from './access.js';
import { afterActionHandlers } from './after-action-handlers.js';

export function createHandlers(
  ctx: Ctx,
  state: SessionState,
  backups?: BackupControl,
  place?: OperationPlace,
  tak: TakTarget | null = null,
): Handlers {
  let guarded: Handlers | null = null;
  const handlers = {
    ...sessionHandlers(ctx, state),
    ...mapHandlers(ctx),
    ...unitHandlers(ctx),
    ...incidentHandlers(ctx),
    ...journalHandlers(ctx),
    ...handoverHandlers(ctx),
    ...backupHandlers(backups),
    ...operatorHandlers(ctx),
    ...awarenessHandlers(ctx),
    ...bulletinHandlers(ctx),
    ...requestHandlers(ctx),
    ...operationHandlers(ctx, place),
    ...afterActionHandlers(ctx),
    ...exchangeHandlers(ctx, tak),
    ...exerciseHandlers(ctx, () => guarded as Handlers),
    ...replayHandlers(ctx, backups),
  } satisfies Handlers;
  guarded = guardHandlers(ctx, handlers);
  return guarded;
}
