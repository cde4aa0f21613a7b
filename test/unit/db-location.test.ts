import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dbArgument,
  DbArgumentError,
  instanceUserData,
  resolveDbLocation,
} from '../../electron/db-location.js';

const userData = path.resolve('/home/op/.config/Vigie');
const cwd = path.resolve('/work/desk');
const locate = (argv: string[], env: Record<string, string | undefined> = {}) =>
  resolveDbLocation({ argv, env, userData, cwd });

describe('database location', () => {
  it('takes --db FILE first, resolved against the working folder', () => {
    expect(locate(['electron', 'main.cjs', '--db', 'ops/paris.db'], { VIGIE_DB: '/x/env.db' })).toEqual({
      path: path.join(cwd, 'ops', 'paris.db'),
      source: 'argument',
    });
  });

  it('accepts --db=FILE, and the last --db wins', () => {
    expect(locate(['app', '--db=/a.db']).path).toBe(path.resolve('/a.db'));
    expect(locate(['app', '--db', '/a.db', '--db=/b.db']).path).toBe(path.resolve('/b.db'));
  });

  it('falls back to VIGIE_DB, then to vigie.db in userData', () => {
    expect(locate(['app'], { VIGIE_DB: '/srv/vigie/live.db' })).toEqual({
      path: path.resolve('/srv/vigie/live.db'),
      source: 'environment',
    });
    expect(locate(['app'], { VIGIE_DB: '' })).toEqual({
      path: path.join(userData, 'vigie.db'),
      source: 'default',
    });
    expect(locate(['app'])).toEqual({ path: path.join(userData, 'vigie.db'), source: 'default' });
  });

  it('refuses --db without a file', () => {
    expect(() => dbArgument(['app', '--db'])).toThrow(DbArgumentError);
    expect(() => dbArgument(['app', '--db', '--inspect'])).toThrow(/--db needs a file path/);
    expect(() => dbArgument(['app', '--db='])).toThrow(DbArgumentError);
  });

  it('ignores arguments after --, and look-alike flags', () => {
    expect(dbArgument(['app', '--', '--db', 'x.db'])).toBeUndefined();
    expect(dbArgument(['app', '--dbx', 'x.db', '--database=y.db'])).toBeUndefined();
  });
});

describe('per-database userData (one single-instance lock per database)', () => {
  it('keeps userData for the default database', () => {
    expect(instanceUserData(userData, path.join(userData, 'vigie.db'), 'linux')).toBe(userData);
  });

  it('gives every other database its own stable folder', () => {
    const a = instanceUserData(userData, path.resolve('/srv/a.db'), 'linux');
    const b = instanceUserData(userData, path.resolve('/srv/b.db'), 'linux');
    expect(a).toMatch(/instances[/\\][0-9a-f]{16}$/);
    expect(path.dirname(a)).toBe(path.join(userData, 'instances'));
    expect(a).not.toBe(b);
    expect(instanceUserData(userData, path.resolve('/srv/a.db'), 'linux')).toBe(a);
  });

  it('ignores case where the file system does', () => {
    expect(instanceUserData(userData, path.resolve('/SRV/A.db'), 'win32')).toBe(
      instanceUserData(userData, path.resolve('/srv/a.db'), 'win32'),
    );
    expect(instanceUserData(userData, path.resolve('/SRV/A.db'), 'linux')).not.toBe(
      instanceUserData(userData, path.resolve('/srv/a.db'), 'linux'),
    );
  });
});
