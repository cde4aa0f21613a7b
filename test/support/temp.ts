// Temp folders and databases for tests; each test gets its own, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { appPaths, findAppRoot } from '../../electron/app-root.js';

export const paths = appPaths(findAppRoot(fileURLToPath(new URL('.', import.meta.url))));

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop() as string, { recursive: true, force: true });
});

export function tempDir(prefix = 'vigie-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const tempDb = (name = 'vigie.db'): string => join(tempDir(), name);
