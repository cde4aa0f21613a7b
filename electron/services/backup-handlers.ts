// listBackups and restoreBackup. The running app (live-vigie.ts) supplies the backup folder and the
// restore; a Vigie opened without one (tests, tools) lists nothing and refuses to restore.
import type { DomainHandlers } from './dispatch.js';
import type { backupCalls, BackupListing, RestoreResult } from '../../shared/api/backups.js';
import type { Operator } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { requireOperator } from './context.js';

export interface BackupControl {
  list(): BackupListing;
  /** Whether `file` is one of the listed backups (by name; no path is ever accepted). */
  isListed(file: string): boolean;
  /** `file` is a listed name (checked first); `who` is journaled as the restorer. */
  restore(file: string, who: Operator): RestoreResult;
}

const NONE: BackupListing = { dir: null, everyMinutes: 0, keep: 0, backups: [] };

export const backupHandlers = (control: BackupControl | undefined): DomainHandlers<typeof backupCalls> => ({
  listBackups: (_input, desk) => {
    requireOperator(desk);
    return control ? control.list() : NONE;
  },
  restoreBackup: (input, desk) => {
    const who = requireOperator(desk);
    if (!control) {
      throw new ApiError({
        code: 'conflict',
        message: 'restoreBackup: this Vigie keeps no rolling backups to restore from.',
      });
    }
    if (!control.isListed(input.file)) {
      const message = 'not one of the listed backups (listBackups)';
      throw new ApiError({
        code: 'invalid_input',
        message: `restoreBackup: file: ${message}`,
        issues: [{ path: 'file', message }],
      });
    }
    return control.restore(input.file, who);
  },
});
