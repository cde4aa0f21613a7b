// Storage failures (disk full, file turned read-only, I/O error, corruption found mid-run) as a
// message the desk can act on. SQLite rolls the statement's transaction back in each case, so the
// change was not saved and nothing was half-written; the message says so.
import type { ApiErrorData } from '../../shared/errors.js';
import { PgError, PgUnavailable } from '../store/pg/bridge.js';

const MESSAGES: [RegExp, string][] = [
  [/^SQLITE_FULL/, 'The disk holding the database is full'],
  [/^SQLITE_READONLY/, 'The database file can no longer be written (read-only file, folder or disk)'],
  [/^SQLITE_IOERR/, 'The disk reported an I/O error'],
  [/^SQLITE_CORRUPT|^SQLITE_NOTADB/, 'The database file is damaged'],
  [/^SQLITE_BUSY|^SQLITE_LOCKED/, 'The database is busy (another program holds it)'],
  [/^SQLITE_CANTOPEN/, 'The database file cannot be reached'],
];

/** The SQLite error code of a better-sqlite3 SqliteError, if err is one. */
export function sqliteCode(err: unknown): string | null {
  if (!(err instanceof Error) || err.name !== 'SqliteError') return null;
  const code = (err as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

// The room's PostgreSQL, by SQLSTATE class: the transaction was rolled back in each case.
const PG_MESSAGES: [RegExp, string][] = [
  [/^53/, 'The room database server is out of resources (disk, memory or connections)'],
  [/^25006/, 'The room database is read-only (a standby, not the primary)'],
  [/^40/, 'The room database refused the change to keep concurrent writes consistent'],
  [/^57P0|^08/, 'The room database connection was lost'],
];

/** A clear 'internal' error for a storage failure, or null when err is something else. */
export function storageFailure(err: unknown): ApiErrorData | null {
  if (err instanceof PgUnavailable) {
    return {
      code: 'internal',
      message: `${err.message} The change was not saved; retry when the room is back.`,
    };
  }
  if (err instanceof PgError) {
    const pg = PG_MESSAGES.find(([pattern]) => pattern.test(err.code ?? ''));
    if (pg) {
      return {
        code: 'internal',
        message: `${pg[1]}: the change was not saved, and nothing was half-written (${err.code}). Retry.`,
      };
    }
    return null;
  }
  const code = sqliteCode(err);
  if (!code) return null;
  const found = MESSAGES.find(([pattern]) => pattern.test(code));
  if (!found) return null;
  return {
    code: 'internal',
    message: `${found[1]}: the change was not saved, and nothing was half-written (${code}). Fix the cause, then retry.`,
  };
}
