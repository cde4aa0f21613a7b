// replayRange and replayAt (shared/api/replay.ts): the running operation, or a listed backup.
import type { DomainHandlers } from './dispatch.js';
import type { replayCalls } from '../../shared/api/replay.js';
import type { Ctx } from './context.js';
import type { BackupControl } from './backup-handlers.js';
import { BackupReplays, replayAt, replayRange } from './replay.js';

export function replayHandlers(
  ctx: Ctx,
  backups: BackupControl | undefined,
): DomainHandlers<typeof replayCalls> {
  const files = new BackupReplays(backups);
  const source = (backup: string | undefined, desk: Parameters<BackupReplays['db']>[1]) =>
    backup === undefined ? ctx.db : files.db(backup, desk);
  return {
    replayRange: (input, desk) => replayRange(source(input.backup, desk), input.backup ?? null),
    replayAt: (input, desk) =>
      replayAt(ctx, source(input.backup, desk), desk, { at: input.at, backup: input.backup ?? null }),
  };
}
