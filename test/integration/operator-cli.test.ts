// `vigie operator add`: the first supervisor of an operation, from a passphrase file; bad flags
// are refused naming the flag, and nothing is stored.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../electron/cli.js';
import { openVigie } from '../../electron/services/app.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { createDesk } from '../../electron/services/desk.js';
import type { OperatorAccount } from '../../shared/api/operators.js';
import type { JournalEntry } from '../../shared/domain.js';
import { paths, tempDb, tempDir } from '../support/temp.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function passFile(text: string): string {
  const f = join(tempDir(), 'pass.txt');
  writeFileSync(f, text);
  return f;
}

describe('vigie operator add', () => {
  it('creates a supervisor who can sign in and manage operators; the journal names the CLI', async () => {
    const db = tempDb();
    const file = passFile('the first watch of the room\n');
    const r = await run(
      'operator',
      'add',
      '--db',
      db,
      '--login',
      'a.roy',
      '--name',
      'Cdt. Anne Roy',
      '--role',
      'supervisor',
      '--passphrase-file',
      file,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ login: 'a.roy', role: 'supervisor', disabled: false });
    expect(r.out).not.toContain('the first watch');
    const app = openVigie({ dbPath: db, resourcesDir: paths.resources, seed: false });
    try {
      const desk = createDesk();
      const signed = dispatch(
        app.handlers,
        'signIn',
        { login: 'a.roy', passphrase: 'the first watch of the room', desk: 'SUP' },
        desk,
      );
      expect(signed.ok).toBe(true);
      const listed = dispatch(app.handlers, 'listOperators', {}, desk);
      expect(listed.ok && (listed.value as OperatorAccount[]).map((a) => a.login)).toEqual(['a.roy']);
      const journal = dispatch(app.handlers, 'listJournal', { limit: 10 }, desk);
      const added = journal.ok
        ? (journal.value as JournalEntry[]).find((e) => e.action === 'operator.account_added')
        : undefined;
      expect(added).toMatchObject({ operator: 'system', desk: 'cli' });
    } finally {
      app.close();
    }
  });

  it('refuses bad input naming the flag, and stores nothing', async () => {
    const db = tempDb();
    const good = passFile('a passphrase long enough');
    const cases: [string[], RegExp][] = [
      [['--login', 'a.roy', '--name', 'A', '--role', 'captain', '--passphrase-file', good], /--role: /],
      [['--login', 'A ROY!', '--name', 'A', '--role', 'supervisor', '--passphrase-file', good], /--login: /],
      [
        ['--login', 'a.roy', '--name', 'A', '--role', 'supervisor', '--passphrase-file', passFile('short')],
        /passphrase: at least 12 characters/,
      ],
      [
        ['--login', 'a.roy', '--name', 'A', '--role', 'liaison', '--passphrase-file', good],
        /--contingent: a liaison belongs to a contingent/,
      ],
      [
        [
          '--login',
          'a.roy',
          '--name',
          'A',
          '--role',
          'supervisor',
          '--passphrase-file',
          join(tempDir(), 'missing'),
        ],
        /--passphrase-file: /,
      ],
      [['--name', 'A', '--role', 'supervisor', '--passphrase-file', good], /--login is required/],
    ];
    for (const [flags, message] of cases) {
      const r = await run('operator', 'add', '--db', db, ...flags);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.err, flags.join(' ')).toMatch(message);
    }
    const ok = await run(
      'operator',
      'add',
      '--db',
      db,
      '--login',
      'a.roy',
      '--name',
      'A',
      '--role',
      'supervisor',
      '--passphrase-file',
      good,
    );
    expect(ok.code).toBe(0);
    const taken = await run(
      'operator',
      'add',
      '--db',
      db,
      '--login',
      'a.roy',
      '--name',
      'B',
      '--role',
      'supervisor',
      '--passphrase-file',
      good,
    );
    expect(taken.code).toBe(2);
    expect(taken.err).toMatch(/--login: taken/);
  });
});
