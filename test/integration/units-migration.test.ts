import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, schemaVersion } from '../../electron/store/db.js';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { readSettings } from '../../electron/store/settings.js';
import { getUnit, listAvailablePlaced } from '../../electron/store/units.js';
import { tempDb } from '../support/temp.js';

describe('migration 003 (K9 rest due, settings)', () => {
  it('upgrades a v2 database with units in place, settings at their defaults', () => {
    const file = tempDb();
    const raw = new Database(file);
    raw.exec(
      MIGRATIONS.filter((m) => m.version <= 2)
        .map((m) => m.sql)
        .join('\n'),
    );
    raw.pragma('user_version = 2');
    raw.exec(`INSERT INTO contingents (id, country, agency, personnel, languages) VALUES ('c', 'ES', 'PN', 2, '["es","en"]');
      INSERT INTO units (id, callsign, contingent_id, kind, personnel, armed, status, lat, lon, k9_dog)
      VALUES ('u', 'ES-K9-01', 'c', 'k9_explosives', 2, 1, 'available', 48.85, 2.35, 'Rex');`);
    raw.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(getUnit(db, 'u')?.k9).toEqual({ handler: null, dog: 'Rex', detection: null, restDue: null });
    expect(readSettings(db)).toMatchObject({ stalePositionMinutes: 30, version: 1 });
    expect(listAvailablePlaced(db, { kind: 'k9_explosives', language: 'en' }).map((u) => u.callsign)).toEqual(
      ['ES-K9-01'],
    );
    db.close();
  });
});
