// An unexpected failure (here a raw SQLite CHECK error, as a NUL once produced) reaches the client
// only as a generic message with an id; the details go to the log under that id.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '../../electron/services/dispatch.js';
import { createDesk } from '../../electron/services/desk.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** getSession, failing with `err` as a store call would. */
const failingWith = (err: Error) =>
  dispatch(
    {
      getSession: () => {
        throw err;
      },
    } as unknown as Handlers,
    'getSession',
    {},
    createDesk(),
  );

describe('dispatch: internal errors', () => {
  it('never echoes a database message; logs it under the id it answers', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const raw = Object.assign(new Error('CHECK constraint failed: length(text) BETWEEN 1 AND 4000'), {
      name: 'SqliteError',
      code: 'SQLITE_CONSTRAINT_CHECK',
    });
    const r = failingWith(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('internal');
    expect(r.error.message).not.toMatch(/CHECK|constraint|SQLITE|length\(/i);
    const errorId = /Internal error ([0-9a-f]{8})/.exec(r.error.message)?.[1];
    expect(errorId).toBeDefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(errorId as string), raw);
  });

  it('keeps the clear message of a known storage failure (disk full)', () => {
    const full = Object.assign(new Error('database or disk is full'), {
      name: 'SqliteError',
      code: 'SQLITE_FULL',
    });
    const r = failingWith(full);
    expect(r.ok ? null : r.error.message).toMatch(/disk holding the database is full/);
  });
});
