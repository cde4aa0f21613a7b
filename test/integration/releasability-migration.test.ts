// Migration 007 (markings): a v6 database's incidents, notes and zones become releasable to all
// partners, as they were; the column takes only a JSON list of codes.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/store/db.js';
import { getIncident } from '../../electron/store/incidents.js';
import { listNotes } from '../../electron/store/incident-notes.js';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { getZone } from '../../electron/store/zones.js';
import { tempDb } from '../support/temp.js';

describe('migration 007 (releasability markings)', () => {
  it('upgrades a v6 database: every item released to all partners, nothing else touched', () => {
    const file = tempDb();
    const raw = new Database(file);
    raw.exec(
      MIGRATIONS.filter((m) => m.version <= 6)
        .map((m) => m.sql)
        .join('\n'),
    );
    raw.pragma('user_version = 6');
    raw.exec(`
      INSERT INTO incidents (id, reference, category, priority, status, title, source, created_at, updated_at)
      VALUES ('i', 'INC-0726-0001', 'other', 3, 'new', 'Old one', 'radio', '2024-07-26T10:00:00Z', '2024-07-26T10:00:00Z');
      INSERT INTO incident_notes (id, incident_id, at, operator, desk, text)
      VALUES ('n', 'i', '2024-07-26T10:01:00Z', 'Élise', 'D1', 'Old note');
      INSERT INTO zones (id, name, kind, color, polygon)
      VALUES ('z', 'Old zone', 'sector', '#112233', '[[[2.3,48.8],[2.31,48.8],[2.31,48.81],[2.3,48.8]]]');`);
    raw.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(getIncident(db, 'i')).toMatchObject({ title: 'Old one', marking: null, version: 1 });
    expect(listNotes(db, 'i')).toMatchObject([{ text: 'Old note', marking: null }]);
    expect(getZone(db, 'z')).toMatchObject({ name: 'Old zone', marking: null, version: 1 });
    // Not a list of codes: refused by the table itself, even from a bug.
    for (const bad of ['"ES"', 'not json', '{"ES":1}'])
      expect(() => db.prepare("UPDATE zones SET marking = ? WHERE id = 'z'").run(bad)).toThrow(/CHECK/);
    db.prepare("UPDATE zones SET marking = ? WHERE id = 'z'").run('["ES"]');
    expect(getZone(db, 'z')?.marking).toEqual(['ES']);
    db.close();
  });
});
