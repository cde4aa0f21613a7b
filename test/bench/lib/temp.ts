// Temp folders and child processes of one bench: whatever happens (success, a thrown error, Ctrl+C),
// they are removed and stopped when the bench process exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs: string[] = [];
const stoppers: (() => void)[] = [];

export function tempDir(prefix = 'vigie-bench-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  const i = dirs.indexOf(dir);
  if (i >= 0) dirs.splice(i, 1);
}

/** Registers a synchronous last-resort stop (e.g. child.kill()) run when the process exits. */
export function onExit(stop: () => void): () => void {
  stoppers.push(stop);
  return () => {
    const i = stoppers.indexOf(stop);
    if (i >= 0) stoppers.splice(i, 1);
  };
}

process.on('exit', () => {
  for (const stop of stoppers.splice(0)) {
    try {
      stop();
    } catch {
      // already gone
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}
