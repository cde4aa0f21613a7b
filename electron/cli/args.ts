// Argument handling shared by the CLI commands: usage errors exit 2 with a message naming the flag.
import { isRoomUrl } from '../store/location.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { defaultUserDataDir } from '../user-data.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** --db, else VIGIE_DB, else the desktop app's userData database. Creates the folder if needed. */
export function resolveDb(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  o: { create?: boolean } = {},
): string {
  const file = flag ?? env.VIGIE_DB ?? join(defaultUserDataDir(), 'vigie.db');
  if (isRoomUrl(file)) return file;
  const abs = resolve(file);
  // Commands that create the database make its folder; a check (verify) leaves the disk alone.
  if (o.create !== false) mkdirSync(dirname(abs), { recursive: true });
  return abs;
}

/** Refuses a database file that is not there (a room URL is checked when it is opened). */
export function requireDatabase(location: string): void {
  if (!isRoomUrl(location) && !existsSync(location)) throw new UsageError(`--db: no database at ${location}`);
}

export function int(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name}: expected an integer ${min}-${max}, got "${value}"`);
  return n;
}

/** A flag that takes one of a few words (`fallback` when it is absent), or why not. */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback?: T,
): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined || !allowed.includes(value as T)) {
    const got = value === undefined ? 'nothing' : `"${value}"`;
    throw new UsageError(`--${flag}: expected one of ${allowed.join(', ')}, got ${got}`);
  }
  return value as T;
}
