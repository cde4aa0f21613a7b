import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { main } from '../../electron/cli.js';
import { paths, tempDb, tempDir } from '../support/temp.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/rosters/${name}`, import.meta.url));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      units: n('SELECT count(*) AS n FROM units'),
      contingents: n('SELECT count(*) AS n FROM contingents'),
      journal: n('SELECT count(*) AS n FROM journal'),
    };
  } finally {
    db.close();
  }
}

describe('vigie import-units', () => {
  it('imports into a seeded database and prints exactly { imported, updated, rejected, warnings }', async () => {
    const db = tempDb();
    expect((await run('seed', '--db', db)).code).toBe(0);
    const before = counts(db);
    const r = await run('import-units', '--db', db, fixture('valid.csv'));
    expect(r.code).toBe(0);
    const printed: unknown = JSON.parse(r.stdout);
    const ignored = {
      line: 1,
      column: '',
      reason: 'unknown column "talkgroup" (column 19) ignored',
      value: 'talkgroup',
    };
    expect(printed).toEqual({ imported: 4, updated: 0, rejected: [], warnings: [ignored] });
    expect(Object.keys(printed as object)).toEqual(['imported', 'updated', 'rejected', 'warnings']);
    expect(r.stderr).toMatch(/warning: line 1: unknown column "talkgroup"/);
    expect(counts(db).units).toBe(before.units + 4);

    const raw = new Database(db, { readonly: true });
    const last = raw.prepare('SELECT operator, desk, action FROM journal ORDER BY seq DESC LIMIT 1').get();
    raw.close();
    expect(last).toEqual({ operator: process.env.USER || 'cli', desk: 'cli', action: 'roster.imported' });
    expect((await run('verify', '--db', db)).code).toBe(0);

    const again = await run('import-units', '--db', db, fixture('valid.csv'));
    expect(JSON.parse(again.stdout)).toEqual({ imported: 0, updated: 0, rejected: [], warnings: [ignored] });
  });

  it('prints each place it could not match beside a position, with the closest known names', async () => {
    const db = tempDb();
    await run('seed', '--db', db);
    const roster = join(tempDir(), 'roster.csv');
    writeFileSync(
      roster,
      'callsign;country;agency;kind;personnel;lat;lon;venue\n' +
        'NZ-AOS-01;Nouvelle-Zélande;Armed Offenders Squad;patrol;6;48.8583;2.2944;Tour Eiffel\n' +
        'NZ-AOS-02;NZ;Armed Offenders Squad;patrol;6;;;pont d’Iena\n',
    );
    const r = await run('import-units', '--db', db, roster);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { imported: number; warnings: { closest?: string[] }[] };
    expect(printed).toMatchObject({
      imported: 2,
      rejected: [],
      warnings: [{ line: 2, column: 'venue', value: 'Tour Eiffel' }],
    });
    expect(printed.warnings[0]?.closest).toHaveLength(3);
    expect(r.stderr).toMatch(/warning: line 2, venue: no venue or bridge "Tour Eiffel".*\(closest: /);
  });

  it('exits 2 without an operation, saying how to create one, and creates no database', async () => {
    const roster = join(tempDir(), 'roster.csv');
    writeFileSync(
      roster,
      'callsign;country;agency;kind;personnel;venue\nNZ-AOS-01;Nouvelle-Zélande;Armed Offenders Squad;patrol;6;Stade de France\n',
    );
    const db = join(tempDir(), 'new', 'vigie.db');
    const r = await run('import-units', '--db', db, roster);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no database at .*holds no operation: create one first \(vigie seed --db FILE/);
    expect(existsSync(db)).toBe(false);

    // A database file that exists but was never given an operation.
    const empty = tempDb();
    const bare = new Database(empty);
    bare.close();
    const e = await run('import-units', '--db', empty, roster);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/^vigie import-units: this database holds no operation: create one first/m);
    expect(counts(empty)).toEqual({ units: 0, contingents: 0, journal: 0 });
  });

  it('exits 2 with every rejected row and writes nothing', async () => {
    const db = tempDb();
    await run('seed', '--db', db);
    const before = counts(db);
    const r = await run('import-units', '--db', db, fixture('invalid.csv'));
    expect(r.code).toBe(2);
    const printed = JSON.parse(r.stdout) as { imported: number; updated: number; rejected: unknown[] };
    expect(Object.keys(printed)).toEqual(['imported', 'updated', 'rejected', 'warnings']);
    expect(printed.imported).toBe(0);
    expect(printed.rejected).toHaveLength(12);
    expect(printed.rejected[0]).toEqual({ line: 4, column: 'callsign', reason: 'required value missing' });
    expect(Object.keys(printed.rejected[0] as object)).toEqual(['line', 'column', 'reason']);
    expect(counts(db)).toEqual(before);
  });

  it('--dry-run validates only', async () => {
    const db = tempDb();
    await run('seed', '--db', db);
    const before = counts(db);
    const r = await run('import-units', '--db', db, fixture('valid.csv'), '--dry-run');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 4, updated: 0, rejected: [] });
    expect(counts(db)).toEqual(before);
    expect((await run('import-units', '--db', db, fixture('invalid.csv'), '--dry-run')).code).toBe(2);
  });

  it('exits 2 on usage errors: no file, a missing file, a file that is not UTF-8', async () => {
    const db = tempDb();
    const none = await run('import-units', '--db', db);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give one roster file/);
    const missing = await run('import-units', '--db', db, '/nonexistent/roster.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no roster file/);
    const latin1 = join(tempDir(), 'latin1.csv');
    writeFileSync(
      latin1,
      Buffer.from(
        'callsign,country,agency,kind,personnel\nA-1,FR,Gendarmerie r\xe9publicaine,patrol,2\n',
        'latin1',
      ),
    );
    const notUtf8 = await run('import-units', '--db', db, latin1);
    expect(notUtf8.code).toBe(2);
    expect(notUtf8.stderr).toMatch(/not UTF-8/);
    expect((await run('import-units', '--db', db, fixture('valid.csv'), '--force')).code).toBe(2);
  });
});
