// Rolling backups as the console sees them: the list the running app keeps, and restoring one of
// them in place after the officer's explicit confirmation (a safety backup of the current data is
// taken first). A file is named, never a path: only names from the list are accepted.
import { z } from 'zod';
import { call, none } from './call.js';

export const BACKUP_KINDS = ['rolling', 'safety'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupInfo {
  /** File name in the backup folder ("vigie-20261124-080000Z.db"). */
  file: string;
  /** rolling: taken on schedule (pruned to the newest N); safety: taken before a restore (kept). */
  kind: BackupKind;
  /** When it was taken (real time, from its name), ISO UTC. */
  takenAt: string;
  bytes: number;
  /** Row counts and journal head read from the file; null when it cannot be read. */
  incidents: number | null;
  units: number | null;
  journalSeq: number | null;
}

export interface BackupListing {
  /** The backup folder, or null when this Vigie keeps no rolling backups. */
  dir: string | null;
  /** Minutes between rolling backups (0 = off) and how many are kept. */
  everyMinutes: number;
  keep: number;
  /** Newest first. */
  backups: BackupInfo[];
}

export interface RestoreResult {
  restored: string;
  /** The copy of the data as it was just before the restore (in the backup folder). */
  safetyBackup: string;
  /** The journal entry that records the restore, in the restored database. */
  journalSeq: number;
  incidents: number;
  units: number;
}

export const backupCalls = {
  listBackups: call<BackupListing>()(none),
  /** Replaces the data of every desk with a listed backup. Journaled; needs confirm: true. */
  restoreBackup: call<RestoreResult>()(
    z
      .object({
        file: z.string().min(1).max(200),
        confirm: z.literal(true, {
          error: 'must be true: restoring replaces the current data on every desk',
        }),
      })
      .strict(),
  ),
};
