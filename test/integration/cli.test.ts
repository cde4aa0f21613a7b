import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../../electron/cli.js';
import { openVigie } from '../../electron/services/app.js';
import { paths, tempDb, tempDir } from '../support/temp.js';
import { DEMO } from '../support/sign-in.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('vigie CLI', () => {
  it('seeds then verifies ok', async () => {
    const db = tempDb();
    const seeded = await run('seed', '--db', db);
    expect(seeded.code).toBe(0);
    const printed = JSON.parse(seeded.stdout) as { demoLogins: { login: string }[] };
    expect(printed).toMatchObject({ seeded: true, scenario: 'paris-2024-opening' });
    // The exercise's demo logins, one per role, printed so the desks can sign in.
    expect(printed.demoLogins).toEqual(
      Object.values(DEMO).map((d) => ({ login: d.login, passphrase: d.passphrase, role: d.role })),
    );
    expect(JSON.parse((await run('seed', '--db', db)).stdout)).toMatchObject({ seeded: false });
    const verified = await run('verify', '--db', db);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, integrity: 'ok', journal: { ok: true } });
  });

  it('reports a tampered journal with the first bad entry and exit 1', async () => {
    const db = tempDb();
    await run('seed', '--db', db);
    // Opened once as the console would: it leaves the journal's checkpoint at its head.
    openVigie({ dbPath: db, resourcesDir: paths.resources, headFile: null, background: false }).close();
    const raw = new Database(db);
    raw.exec('DROP TRIGGER journal_no_update');
    raw.prepare("UPDATE journal SET operator = 'mallory' WHERE seq = 3").run();
    raw.close();
    // --full names what verify always does: every entry, not only those after the checkpoint
    // (entry 3 lies before the checkpoint `vigie seed`'s open left).
    for (const full of [[], ['--full']]) {
      const verified = await run('verify', '--db', db, ...full);
      expect(verified.code).toBe(1);
      expect(JSON.parse(verified.stdout)).toMatchObject({
        ok: false,
        journal: { ok: false, firstBadSeq: 3 },
        checkpoint: { ok: true },
      });
    }
  });

  it('says clearly what is wrong with a missing or corrupt database, exit 2, file untouched', async () => {
    const missing = await run('verify', '--db', '/nonexistent/dir/x.db');
    expect(missing.code).toBe(2);
    const db = tempDb();
    writeFileSync(db, 'garbage '.repeat(1000));
    const corrupt = await run('verify', '--db', db);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/corrupt or not a Vigie database/);
    expect(readFileSync(db, 'utf8')).toBe('garbage '.repeat(1000));
  });

  it('verify never writes: an empty or foreign file is exit 2 and stays as it was', async () => {
    const empty = tempDb();
    writeFileSync(empty, '');
    const r = await run('verify', '--db', empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a Vigie database/);
    expect(statSync(empty).size).toBe(0);
    const foreign = tempDb();
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    other.close();
    const before = readFileSync(foreign);
    const f = await run('verify', '--db', foreign);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/not a Vigie database/);
    expect(readFileSync(foreign).equals(before)).toBe(true);
    // A missing file's folder is not made either.
    const nowhere = join(tempDir(), 'not-here', 'x.db');
    expect((await run('verify', '--db', nowhere)).code).toBe(2);
    expect(existsSync(dirname(nowhere))).toBe(false);
  });

  it('verifies a database it may not write, and changes no byte of it', async () => {
    const db = tempDb();
    await run('seed', '--db', db);
    // Checkpointed and closed: one self-contained file to compare byte for byte.
    const raw = new Database(db);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    chmodSync(db, 0o444);
    const before = readFileSync(db);
    const verified = await run('verify', '--db', db);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it('rejects unknown commands and flags with exit 2', async () => {
    expect((await run('launch-missiles')).code).toBe(2);
    const bad = await run('seed', '--dbx', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--dbx/);
    expect((await run('serve', '--port', 'abc', '--db', tempDb())).stderr).toMatch(/--port/);
  });
});
