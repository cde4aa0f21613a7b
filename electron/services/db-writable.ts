// Before the desktop app opens its database: can it write the file and its folder? SQLite opens a
// read-only file silently read-only and only fails at the first write; this says so up front, with
// what to fix. (The folder matters too: WAL mode creates FILE-wal and FILE-shm beside the file.)
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '../store/errors.js';

export function assertWritable(dbPath: string): void {
  const folder = dirname(dbPath);
  if (!existsSync(folder)) {
    throw new StoreError(
      'unreadable',
      `The folder ${folder} for the database does not exist; nothing was created.`,
    );
  }
  const check = (target: string, what: string) => {
    try {
      accessSync(target, constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'denied';
      throw new StoreError(
        'readonly',
        `Vigie cannot write ${what} ${target} (${code}): it needs write access to the database file and its folder ` +
          '(for the -wal and -shm files beside it). Nothing was changed.',
      );
    }
  };
  check(folder, 'the folder');
  if (existsSync(dbPath)) check(dbPath, 'the database file');
}
