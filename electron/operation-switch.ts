// The desktop side of "New operation…": the native folder picker for a scenario package, and the
// restart on the new file (one database per running app: its lock, head file, backups and feed all
// follow the file, so the app starts anew on it rather than swapping underneath them). Free of
// Electron so it is tested with stand-ins; ipc.ts and main.ts pass Electron's dialog and relaunch.
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { PickFolderResult } from '../shared/desktop-bridge.js';
import type { Result } from '../shared/errors.js';

export type FolderDialog = (options: {
  title: string;
  properties: ('openDirectory' | 'createDirectory')[];
}) => Promise<{ canceled: boolean; filePaths: string[] }>;

export async function pickScenarioFolder(open: FolderDialog): Promise<Result<PickFolderResult>> {
  try {
    const picked = await open({ title: 'Vigie: scenario package folder', properties: ['openDirectory'] });
    const folder = picked.filePaths[0];
    if (picked.canceled || !folder) return { ok: true, value: { canceled: true } };
    return { ok: true, value: { canceled: false, folder } };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message: `pickScenarioFolder: ${message}` } };
  }
}

const refused = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'invalid_input', message: `file: ${message}`, issues: [{ path: 'file', message }] },
});

/**
 * Only a database file beside the open one (where createOperation writes) is reopened: the page
 * cannot steer the app to any other file of the machine.
 */
export function checkOperationFile(openDb: string, file: unknown): Result<string> {
  if (typeof file !== 'string' || file.length === 0 || file.length > 4096) return refused('a file path');
  const target = resolve(file);
  if (extname(target).toLowerCase() !== '.db') return refused('not a Vigie database file (.db)');
  if (dirname(target) !== dirname(resolve(openDb)))
    return refused('not beside the open operation (New operation… writes there)');
  if (target === resolve(openDb)) return refused('that is the open operation');
  if (!existsSync(target) || !statSync(target).isFile()) return refused(`no such file ${target}`);
  return { ok: true, value: target };
}

/** The command line to start again with: the same options, on `file`, with no room open. */
export function relaunchArgs(argv: readonly string[], file: string): string[] {
  const out: string[] = [];
  const dropWithValue = new Set(['--db', '--room', '--room-fingerprint']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const name = a.split('=')[0] as string;
    if (dropWithValue.has(name)) {
      if (!a.includes('=')) i++; // its value follows
      continue;
    }
    out.push(a);
  }
  return [...out, '--db', file];
}
