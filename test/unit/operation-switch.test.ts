// The desktop side of "New operation…" without Electron: the folder picker's answers, which files
// the app may reopen on (only a .db beside the open one, never the open one), and the command line
// it restarts with (same options, the new file, no room).
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOperationFile, pickScenarioFolder, relaunchArgs } from '../../electron/operation-switch.js';
import { tempDir } from '../support/temp.js';

describe('reopening on a new operation', () => {
  it('accepts only an existing .db file beside the open one', () => {
    const dir = tempDir();
    const open = join(dir, 'vigie.db');
    const made = join(dir, 'LA 2028.db');
    writeFileSync(open, '');
    writeFileSync(made, '');
    writeFileSync(join(dir, 'notes.txt'), '');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'x.db'), '');
    expect(checkOperationFile(open, made)).toEqual({ ok: true, value: made });
    const why = (file: unknown) => {
      const r = checkOperationFile(open, file);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(why(join(dir, 'notes.txt'))).toBe('file: not a Vigie database file (.db)');
    expect(why(join(dir, 'sub', 'x.db'))).toBe(
      'file: not beside the open operation (New operation… writes there)',
    );
    expect(why(join(dir, 'sub', '..', 'vigie.db'))).toBe('file: that is the open operation');
    expect(why(join(dir, 'gone.db'))).toBe(`file: no such file ${join(dir, 'gone.db')}`);
    expect(why(42)).toBe('file: a file path');
    expect(why('')).toBe('file: a file path');
  });

  it('restarts with the same options on the new file, leaving any room', () => {
    expect(
      relaunchArgs(
        [
          'dist/node/main.cjs',
          '--db',
          '/a/vigie.db',
          '--basemap=/m.pmtiles',
          '--room',
          'https://r',
          '--room-fingerprint=AA',
        ],
        '/a/LA.db',
      ),
    ).toEqual(['dist/node/main.cjs', '--basemap=/m.pmtiles', '--db', '/a/LA.db']);
    expect(relaunchArgs(['main.cjs', '--db=/a/vigie.db'], '/a/b.db')).toEqual([
      'main.cjs',
      '--db',
      '/a/b.db',
    ]);
  });

  it('hands back the chosen folder, a cancel, or the dialog’s failure', async () => {
    expect(await pickScenarioFolder(async () => ({ canceled: false, filePaths: ['/pkg/la'] }))).toEqual({
      ok: true,
      value: { canceled: false, folder: '/pkg/la' },
    });
    expect(await pickScenarioFolder(async () => ({ canceled: true, filePaths: [] }))).toEqual({
      ok: true,
      value: { canceled: true },
    });
    const r = await pickScenarioFolder(async () => {
      throw new Error('no display');
    });
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'pickScenarioFolder: no display' } });
  });
});
