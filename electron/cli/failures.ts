// The exit code of a command's known failures (their message is the whole story; no stack):
// 2 for a refused input or a database Vigie will not run on, 1 for one it cannot reach or read.
import { BackupError } from '../backup/summary.js';
import { CopyRefused } from '../store/copy.js';
import { StoreError } from '../store/errors.js';
import { ScenarioError } from '../services/scenario-load.js';

export function exitCodeOf(err: unknown): number | null {
  if (err instanceof CopyRefused) return 2;
  if (err instanceof StoreError) return err.kind !== 'corrupt' && err.kind !== 'newer_version' ? 1 : 2;
  if (err instanceof ScenarioError) return 2;
  if (err instanceof BackupError) return 1;
  return null;
}
