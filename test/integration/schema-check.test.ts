// The schema checked at start-up and by `vigie verify` (store/schema-check.ts, services/schema-guard.ts),
// on a file and on a room: a dropped or altered append-only trigger fails verify and is put back by
// the next writing start, with an alarm and one journal entry; a missing table or column, or a
// trigger Vigie did not make, refuses the start; an intact database is left as it was.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli.js';
import { openVigie } from '../../electron/services/app.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { openDatabase, type Db } from '../../electron/store/db.js';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import { checkSchema } from '../../electron/store/schema-check.js';
import { openSqliteForCheck } from '../../electron/store/sqlite.js';
import { appendEntry, listEntries, verifyChain } from '../../electron/store/journal.js';
import { fixedClock } from '../../shared/clock.js';
import type { VerifyResult } from '../../shared/domain.js';
import { backend, testDatabase } from '../support/backend.js';
import { paths, tempDir } from '../support/temp.js';

const pg = backend === 'postgres';
const dropTrigger = (name: string, table: string) => `DROP TRIGGER ${name}${pg ? ` ON ${table}` : ''}`;

/** The Paris exercise seeded, closed again. */
function seeded(): string {
  const location = testDatabase();
  open(location, [], true).close();
  return location;
}

/** A database with a short journal and no operation: quicker to make than a seeded one. */
function made(): string {
  const location = testDatabase();
  const app = open(location);
  try {
    for (const action of ['unit.status_changed', 'incident.created'])
      appendEntry(app.db, {
        at: '2024-07-26T16:00:00.000Z',
        recordedAt: '2026-11-24T08:00:00.000Z',
        operator: 'Capt. Moreau',
        role: 'watch_officer',
        desk: 'D1',
        action,
        entityType: 'unit',
        entityId: 'u1',
        data: { action },
      });
  } finally {
    app.close();
  }
  return location;
}

function open(location: string, alarms: string[] = [], seed = false) {
  return openVigie({
    dbPath: location,
    resourcesDir: paths.resources,
    seed,
    real: fixedClock(Date.parse('2026-11-24T08:00:00Z')),
    onAlarm: (m) => alarms.push(m),
  });
}

/** Runs `fn` on the database as the tamperer would (the superuser on a room), then closes it. */
function tamper(location: string, fn: (db: Db) => void): void {
  const db = openDatabase(location);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

function head(location: string): { seq: number; action: string } {
  const db = openDatabase(location, { readonly: true });
  try {
    const [last] = listEntries(db, { limit: 1 });
    return { seq: last?.seq ?? 0, action: last?.action ?? '' };
  } finally {
    db.close();
  }
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function verify(location: string): Promise<{ code: number; result: VerifyResult }> {
  const r = await cli('verify', '--db', location);
  return { code: r.code, result: JSON.parse(r.stdout) as VerifyResult };
}

describe(`schema check (${backend})`, () => {
  it('an intact database: verify ok with its schema, and a start writes nothing and raises no alarm', async () => {
    const location = seeded();
    const before = head(location);
    const alarms: string[] = [];
    open(location, alarms).close();
    expect(alarms).toEqual([]);
    expect(head(location)).toEqual(before);
    const v = await verify(location);
    expect(v.code).toBe(0);
    expect(v.result.schema).toMatchObject({ ok: true, problems: [], missingTriggers: [], missingTables: [] });
  });

  it('a dropped journal trigger: verify fails naming it; a writing start restores it, alarmed and journaled', async () => {
    const location = made();
    tamper(location, (db) => db.exec(dropTrigger('journal_no_update', 'journal')));
    const before = head(location);

    const v = await verify(location);
    expect(v.code).toBe(1);
    expect(v.result.ok).toBe(false);
    expect(v.result.journal.ok).toBe(true);
    expect(v.result.schema).toMatchObject({ ok: false, missingTriggers: ['journal.journal_no_update'] });
    expect(v.result.schema?.problems).toEqual(['trigger journal_no_update on journal is missing']);
    expect(head(location)).toEqual(before); // verify wrote nothing

    const alarms: string[] = [];
    const app = open(location, alarms);
    try {
      expect(alarms).toHaveLength(1);
      expect(alarms[0]).toMatch(
        /ALARM.*trigger journal_no_update on journal is missing.*store\.triggers_restored/,
      );
      const [entry] = listEntries(app.db, { limit: 1 });
      expect(entry).toMatchObject({
        seq: before.seq + 1,
        operator: 'system',
        role: 'system',
        action: 'store.triggers_restored',
        entityType: 'database',
        data: { missingTriggers: ['journal.journal_no_update'], alteredTriggers: [] },
      });
      expect(verifyChain(app.db).ok).toBe(true);
      // Every desk's alarm says it too (the console's banner reads it from the session).
      const session = dispatch(app.handlers, 'getSession', {}, createDesk());
      expect(session).toMatchObject({
        ok: true,
        value: { journalOk: true, schemaRestored: ['trigger journal_no_update on journal is missing'] },
      });
      expect(() => app.db.prepare("UPDATE journal SET operator = 'x' WHERE seq = 1").run()).toThrow(
        /append-only|permission denied/,
      );
    } finally {
      app.close();
    }
    // Whole again: verify is ok, and the next start neither alarms nor writes.
    expect((await verify(location)).code).toBe(0);
    const again: string[] = [];
    open(location, again).close();
    expect(again).toEqual([]);
    expect(head(location).seq).toBe(before.seq + 1);
  });

  it('an altered trigger (a no-op body on a file, disabled in a room) is reported and put back', async () => {
    const location = made();
    tamper(location, (db) =>
      db.exec(
        pg
          ? 'ALTER TABLE handovers DISABLE TRIGGER handovers_no_delete'
          : 'DROP TRIGGER handovers_no_delete; CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers BEGIN SELECT 1; END',
      ),
    );
    const v = await verify(location);
    expect(v.code).toBe(1);
    expect(v.result.schema?.alteredTriggers).toEqual(['handovers.handovers_no_delete']);
    expect(v.result.schema?.problems[0]).toMatch(
      pg
        ? /handovers_no_delete on handovers is disabled/
        : /handovers_no_delete on handovers is not as the migrations made it/,
    );
    const alarms: string[] = [];
    open(location, alarms).close();
    expect(alarms).toHaveLength(1);
    expect(head(location).action).toBe('store.triggers_restored');
    expect((await verify(location)).result.schema?.ok).toBe(true);
  });

  it.runIf(pg)('a dropped trigger function is recreated before its triggers', async () => {
    const location = made();
    tamper(location, (db) => db.exec('DROP FUNCTION vigie_refuse() CASCADE'));
    const v = await verify(location);
    expect(v.result.schema?.missingFunctions).toEqual(['vigie_refuse']);
    expect(v.result.schema?.missingTriggers).toContain('journal.journal_no_truncate');
    open(location).close();
    const after = await verify(location);
    expect(after.code).toBe(0);
    // A trigger function given a body that lets everything through is put back as well.
    tamper(location, (db) =>
      db.exec(`CREATE OR REPLACE FUNCTION vigie_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RETURN OLD; END $$`),
    );
    const altered = await verify(location);
    expect(altered.result.schema).toMatchObject({
      ok: false,
      alteredFunctions: ['vigie_refuse'],
      missingTriggers: [],
    });
    open(location).close();
    expect((await verify(location)).code).toBe(0);
    // Even the superuser (past every privilege) meets the triggers again.
    tamper(location, (db) => {
      expect(() => db.prepare('DELETE FROM journal WHERE seq = 1').run()).toThrow(/journal is append-only/);
      expect(() => db.exec('TRUNCATE handovers')).toThrow(/an acknowledged handover is final/);
    });
  });

  it.runIf(pg)('a room whose app role does not own the tables: a missing trigger refuses the start', () => {
    const location = made();
    const role = `app_${process.pid}_${Date.now().toString(36)}`;
    tamper(location, (db) =>
      db.exec(`DROP TRIGGER journal_no_update ON journal;
        CREATE ROLE ${role} LOGIN;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role};`),
    );
    const before = head(location);
    const asApp = location.replace('postgres://postgres@', `postgres://${role}@`);
    const alarms: string[] = [];
    expect(() => open(asApp, alarms)).toThrow(
      /trigger journal_no_update on journal is missing; Vigie cannot put them back \(permission denied.*owner/,
    );
    expect(alarms).toEqual([]);
    expect(head(location)).toEqual(before);
  });

  it.runIf(!pg)(
    'an older file is checked against its own version, and after migrating against the latest',
    () => {
      const file = testDatabase();
      const raw = new Database(file);
      for (const m of MIGRATIONS.filter((x) => x.version <= 4)) raw.exec(m.sql);
      raw.pragma('user_version = 4');
      raw.close();
      const old = openSqliteForCheck(file);
      try {
        expect(checkSchema(old)).toMatchObject({ ok: true, problems: [] });
      } finally {
        old.close();
      }
      const alarms: string[] = [];
      const app = open(file, alarms);
      try {
        expect(app.db.schemaVersion()).toBe(MIGRATIONS.length);
        expect(checkSchema(app.db)).toMatchObject({ ok: true, problems: [] });
      } finally {
        app.close();
      }
      expect(alarms).toEqual([]);
    },
  );

  it('a missing table or column refuses the start with a clear message, writing nothing', async () => {
    for (const [ddl, why] of [
      ['ALTER TABLE units DROP COLUMN notes', /column notes of table units is missing/],
      ['DROP TABLE parade_actuals', /table parade_actuals is missing/],
    ] as const) {
      const location = made();
      tamper(location, (db) => db.exec(ddl));
      const before = head(location);
      expect(() => open(location)).toThrow(why);
      expect(() => open(location)).toThrow(/will not run on it.*vigie verify/);
      expect(head(location)).toEqual(before);
      const v = await verify(location);
      expect(v.code).toBe(1);
      expect(v.result.schema?.problems.join('; ')).toMatch(why);
    }
  });

  it('a trigger Vigie did not make refuses the start, and verify names it', async () => {
    const location = made();
    tamper(location, (db) =>
      db.exec(
        pg
          ? `CREATE FUNCTION sneak() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
             CREATE TRIGGER sneak BEFORE INSERT ON journal FOR EACH ROW EXECUTE FUNCTION sneak();`
          : 'CREATE TRIGGER sneak AFTER INSERT ON incidents BEGIN SELECT 1; END',
      ),
    );
    const table = pg ? 'journal' : 'incidents';
    expect(() => open(location)).toThrow(new RegExp(`trigger sneak on ${table} was not made by Vigie`));
    const v = await verify(location);
    expect(v.code).toBe(1);
    expect(v.result.schema?.unexpectedTriggers).toEqual([`${table}.sneak`]);
  });

  it('`vigie serve` on a file or room missing a table exits 2 with the reason', async () => {
    const location = made();
    tamper(location, (db) => db.exec('DROP TABLE parade_actuals'));
    // Serve checks that a renderer is built before it opens the database: give it one.
    const renderer = join(tempDir(), 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      ['serve', '--db', location, '--port', '0', '--backup-dir', tempDir()],
      { out: (s) => out.push(s), err: (s) => err.push(s) },
      { ...paths, renderer },
    );
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/vigie serve: .*table parade_actuals is missing.*will not run on it/);
    // It listened (and said where) before opening the database; it closed again when the open failed.
    expect(out).toHaveLength(1);
    const { url } = JSON.parse(out[0] ?? '{}') as { url: string };
    await expect(fetch(url)).rejects.toThrow();
  });
});
