import { sqliteHandle } from '../../electron/store/sqlite.js';
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase, schemaVersion } from '../../electron/store/db.js';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { StoreError } from '../../electron/store/errors.js';
import { tempDb } from '../support/temp.js';

const TABLES = [
  'accounts',
  'alert_acks',
  'alert_level',
  'assignments',
  'bulletin_acks',
  'bulletins',
  'contingents',
  'desk_requests',
  'exercise_clock',
  'handovers',
  'host_sessions',
  'incident_notes',
  'incident_sequences',
  'incidents',
  'injects',
  'journal',
  'journal_checkpoint',
  'meta',
  'operators',
  'parade_actuals',
  'parade_plans',
  'reference_generation',
  'route_bridges',
  'routes',
  'settings',
  'unit_positions',
  'units',
  'venues',
  'zones',
];

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    // v6: operators' accounts and the role of each journal entry; v7: releasability markings;
    // v8: the journal's after-images; v9: browser sessions shared by the servers on a database;
    // v10: alert level, bulletins, requests between desks, acknowledged alerts; v11: the exercise
    // clock and the injects; v12: the journal's checkpoint; v13: the reference data's counter.
    expect(LATEST_VERSION).toBe(13);
  });

  it('record the role of each journal entry and link sign-ins to accounts (v6)', () => {
    const db = openDatabase(tempDb());
    const columns = (table: string) =>
      (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map(
        (c) => c.name,
      );
    expect(columns('journal')).toContain('role');
    expect(columns('operators')).toContain('account_id');
    db.close();
  });

  it('create every table as STRICT and record user_version', () => {
    const db = openDatabase(tempDb());
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    // Ordinary tables: the FTS5 index and its shadow tables are SQLite's own and cannot be STRICT.
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'incident_fts%'",
      )
      .all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.map((t) => t.name).sort()).toEqual(TABLES);
    for (const t of tables) expect(t.strict, t.name).toBe(1);
    const fts = db.prepare("SELECT type FROM pragma_table_list WHERE name = 'incident_fts'").get() as {
      type: string;
    };
    expect(fts.type).toBe('virtual');
    db.close();
  });

  it('sets WAL, synchronous FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(tempDb());
    expect(sqliteHandle(db).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqliteHandle(db).pragma('synchronous', { simple: true })).toBe(2);
    expect(sqliteHandle(db).pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqliteHandle(db).pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('is idempotent on reopen', () => {
    const file = tempDb();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const file = tempDb();
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x INTEGER) STRICT');
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/newer than this Vigie understands/);
    try {
      openDatabase(file);
    } catch (err) {
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).kind).toBe('newer_version');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a corrupt file with a clear message and does not overwrite it', () => {
    const file = tempDb();
    const junk = Buffer.from('this is not an sqlite database, it is a text file '.repeat(200));
    writeFileSync(file, junk);
    expect(() => openDatabase(file)).toThrow(/corrupt or not a Vigie database/);
    expect(readFileSync(file).equals(junk)).toBe(true);
  });

  it('enforces the vocabulary with CHECK constraints', () => {
    const db = openDatabase(tempDb());
    db.prepare("INSERT INTO contingents (id, country, agency, personnel) VALUES ('c', 'ES', 'x', 2)").run();
    const insert = (kind: string, status: string) =>
      db
        .prepare(
          "INSERT INTO units (id, callsign, contingent_id, kind, personnel, armed, status) VALUES (?, ?, 'c', ?, 2, 1, ?)",
        )
        .run(`${kind}-${status}`, `${kind}-${status}`.toUpperCase(), kind, status);
    expect(() => insert('k9_explosives', 'available')).not.toThrow();
    expect(() => insert('spaceship', 'available')).toThrow(/CHECK constraint/);
    expect(() => insert('patrol', 'asleep')).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare("INSERT INTO contingents (id, country, agency, personnel) VALUES ('d', 'esp', 'x', 2)")
        .run(),
    ).toThrow(/CHECK constraint/);
    // Accounts: a known role; a contingent exactly for a liaison, a country exactly for an observer.
    const account = (id: string, role: string, contingent: string | null, country: string | null) =>
      db
        .prepare(
          "INSERT INTO accounts (id, login, name, role, contingent_id, country, created_at) VALUES (?, ?, 'N', ?, ?, ?, '2026-11-24T08:00:00Z')",
        )
        .run(id, `login-${id}`, role, contingent, country);
    expect(() => account('a1', 'watch_officer', null, null)).not.toThrow();
    expect(() => account('a2', 'liaison', 'c', null)).not.toThrow();
    expect(() => account('a3', 'observer', null, 'GB')).not.toThrow();
    expect(() => account('a4', 'admin', null, null)).toThrow(/CHECK constraint/);
    expect(() => account('a5', 'liaison', null, null)).toThrow(/CHECK constraint/);
    expect(() => account('a6', 'watch_officer', 'c', null)).toThrow(/CHECK constraint/);
    expect(() => account('a7', 'observer', null, 'gb')).toThrow(/CHECK constraint/);
    expect(() => account('a8', 'observer', null, null)).toThrow(/CHECK constraint/);
    db.close();
  });
});
