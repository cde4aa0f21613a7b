// Migration 005 (the map): a v4 database upgrades with its zones intact, and the new tables and
// triggers hold their rules even against direct SQL.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, schemaVersion } from '../../electron/store/db.js';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import * as m005 from '../../electron/store/migrations/005-map.js';
import { tempDb } from '../support/temp.js';

const ring = JSON.stringify([
  [
    [2.34, 48.857],
    [2.342, 48.857],
    [2.342, 48.858],
    [2.34, 48.857],
  ],
]);

describe('migration 005 (map)', () => {
  it('upgrades a v4 database, keeping its zones', () => {
    const file = tempDb();
    const raw = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version < m005.version)) raw.exec(m.sql);
    raw.pragma(`user_version = ${m005.version - 1}`);
    raw
      .prepare(
        "INSERT INTO zones (id, name, kind, color, polygon) VALUES ('z', 'Old zone', 'sector', '#1e88e5', ?)",
      )
      .run(ring);
    raw.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(m005.version);
    expect(db.prepare('SELECT name FROM zones').all()).toEqual([{ name: 'Old zone' }]);
    db.close();
  });

  it('refuses a zone kind or colour outside the vocabulary, and deleting a parade report', () => {
    const db = openDatabase(tempDb());
    const insert = db.prepare('INSERT INTO zones (id, name, kind, color, polygon) VALUES (?, ?, ?, ?, ?)');
    expect(() => insert.run('a', 'A', 'green_zone', '#00ff00', ring)).toThrow(/vocabulary/);
    expect(() => insert.run('b', 'B', 'sector', 'green', ring)).toThrow(/vocabulary/);
    insert.run('c', 'C', 'blue_zone', '#1565C0', ring);
    expect(() => db.prepare("UPDATE zones SET kind = 'purple' WHERE id = 'c'").run()).toThrow(/vocabulary/);
    db.prepare(
      "INSERT INTO routes (id, name, coordinates) VALUES ('r', 'R', '[[2.3,48.8],[2.4,48.9]]')",
    ).run();
    db.prepare(
      "INSERT INTO parade_actuals (id, route_id, chainage_km, at, recorded_at, operator, desk) VALUES ('p', 'r', 1, 't', 't', 'o', 'd')",
    ).run();
    expect(() => db.prepare("DELETE FROM parade_actuals WHERE id = 'p'").run()).toThrow(/retract/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO parade_plans (route_id, start, speed_kmh, boats, spacing_m) VALUES ('r', 's', 0, 85, 100)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
