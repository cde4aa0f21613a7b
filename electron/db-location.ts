// Which database the desktop app opens: `--db FILE` (or `--db=FILE`), else $VIGIE_DB, else
// vigie.db in the userData folder. Pure (no electron, no file system) so it is unit-tested as is.
import { createHash } from 'node:crypto';
import path from 'node:path';

export const DB_FILE_NAME = 'vigie.db';

export type DbSource = 'argument' | 'environment' | 'default';

export interface DbLocationInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's userData folder. */
  userData: string;
  /** Relative paths resolve against this folder. */
  cwd: string;
}

export interface DbLocation {
  /** Absolute path of the database file. */
  path: string;
  source: DbSource;
}

export class DbArgumentError extends Error {
  override name = 'DbArgumentError';
}

/** The value of the last `--db FILE` / `--db=FILE` in argv, or undefined when there is none. */
export function dbArgument(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === '--db') {
      const next = argv[i + 1];
      if (next === undefined || next === '' || next.startsWith('-')) {
        throw new DbArgumentError('--db needs a file path, as in: --db /path/to/vigie.db');
      }
      value = next;
      i++;
    } else if (arg.startsWith('--db=')) {
      value = arg.slice('--db='.length);
      if (value === '') throw new DbArgumentError('--db= needs a file path, as in: --db=/path/to/vigie.db');
    }
  }
  return value;
}

export function resolveDbLocation(input: DbLocationInput): DbLocation {
  const fromArgs = dbArgument(input.argv);
  if (fromArgs !== undefined) return { path: path.resolve(input.cwd, fromArgs), source: 'argument' };
  const fromEnv = input.env.VIGIE_DB;
  if (fromEnv) return { path: path.resolve(input.cwd, fromEnv), source: 'environment' };
  return { path: path.resolve(input.userData, DB_FILE_NAME), source: 'default' };
}

export const resolveDbPath = (input: DbLocationInput): string => resolveDbLocation(input).path;

/**
 * Chromium's single-instance lock lives in the userData folder, so one lock per database needs
 * one folder per database: the default database keeps userData itself, any other database gets
 * `userData/instances/<hash of its path>`.
 */
export function instanceUserData(userData: string, dbPath: string, platform = process.platform): string {
  const defaultDb = path.resolve(userData, DB_FILE_NAME);
  const key = platform === 'win32' || platform === 'darwin' ? dbPath.toLowerCase() : dbPath;
  const defaultKey = platform === 'win32' || platform === 'darwin' ? defaultDb.toLowerCase() : defaultDb;
  if (key === defaultKey) return userData;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return path.join(userData, 'instances', hash);
}
