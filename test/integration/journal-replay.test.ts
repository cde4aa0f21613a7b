// The journal's after-images (schema v8): verify replays them against the tables, so a row edited,
// added or deleted without a journal entry is found, on both engines; a write path that forgets
// its entry is refused at commit; an older database starts from a baseline entry.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/store/db.js';
import { insertVenue } from '../../electron/store/venues.js';
import { appendEntry, entryHash, GENESIS_HASH } from '../../electron/store/journal.js';
import { insertIncident, updateIncident } from '../../electron/store/incidents.js';
import type { AfterImage } from '../../electron/store/after-images.js';
import { testApp } from '../support/app.js';
import { addPerson, signInAs } from '../support/sign-in.js';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import { verifyDatabase } from '../../electron/services/verify.js';
import { backend } from '../support/backend.js';
import { tempDb } from '../support/temp.js';
import { ackBy, firstShift } from './handover-shift.js';

const zoneShape = {
  kind: 'sector' as const,
  color: '#1f77b4',
  polygon: [
    [
      [2.3, 48.86],
      [2.31, 48.86],
      [2.31, 48.87],
      [2.3, 48.86],
    ] as [number, number][],
  ],
};

/** The day of the handover tests, then a handover, a zone drawn and deleted, and a setting. */
function dayOfWork() {
  const t = firstShift();
  t.call('acknowledgeHandover', ackBy(t.people.marc));
  const zone = t.call('createZone', {
    name: 'Cordon Quai de Conti',
    kind: 'security_perimeter',
    color: '#d62728',
    polygon: [
      [
        [2.337, 48.858],
        [2.339, 48.858],
        [2.339, 48.859],
        [2.337, 48.858],
      ],
    ],
  });
  const kept = t.call('createZone', { ...zoneShape, name: 'Kept zone' });
  t.call('deleteZone', { id: zone.id, version: zone.version });
  signInAs(t.call, 'supervisor', 'D1');
  const settings = t.call('getSettings', {});
  t.call('updateSettings', { version: settings.version, stalePositionMinutes: 20 });
  return { ...t, kept };
}

/** A second connection, as someone editing the database behind Vigie's back. */
function behindTheBack(dbPath: string, fn: (db: Db) => void): void {
  const db = openDatabase(dbPath);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

const verifyNow = (dbPath: string) => {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    return verifyDatabase(db);
  } finally {
    db.close();
  }
};

describe('the journal replayed against the tables', () => {
  it('accounts for every row of a day of work', () => {
    const t = dayOfWork();
    const r = t.call('verify', {});
    expect(r.ok).toBe(true);
    expect(r.replay).toMatchObject({ ok: true, checked: true, fromSeq: 1, problems: [], problemCount: 0 });
    expect(r.replay?.entries).toBeGreaterThan(400);
    expect(r.replay?.rows).toBeGreaterThan(800);
    // What readers get of an entry carries no after-images: they stay for verify and replay.
    const page = t.call('listJournal', { limit: 5 });
    expect(page).toHaveLength(5);
    for (const e of page) expect(Object.keys(e)).not.toContain('after_images');
  });

  it('finds a row edited, added or deleted without a journal entry, naming table, row and column', () => {
    const t = dayOfWork();
    const unit = t.call('listUnits', {})[0];
    if (!unit) throw new Error('no unit');
    t.app.close();
    behindTheBack(t.dbPath, (db) => {
      db.prepare("UPDATE units SET status = 'off_duty' WHERE id = ?").run(unit.id);
      db.prepare('DELETE FROM zones WHERE id = ?').run(t.kept.id);
      db.prepare(
        "INSERT INTO venues (id, name, kind, lat, lon) VALUES ('ghost', 'Ghost', 'site', 48.85, 2.35)",
      ).run();
    });
    const r = verifyNow(t.dbPath);
    expect(r.ok).toBe(false);
    expect(r.journal.ok).toBe(true);
    expect(r.replay?.problemCount).toBe(3);
    expect(r.replay?.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^units ${unit.id} differs from the journal in status \\(last journaled in entry #\\d+\\)$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(`^zones ${t.kept.id} is missing \\(last journaled in entry #\\d+\\)$`),
        ),
        'venues ghost is not in the journal',
      ]),
    );
  });

  it('refuses a transaction that writes rows and no journal entry after them, and keeps nothing', () => {
    const t = dayOfWork();
    const before = t.call('listVenues', {}).length;
    const write = t.app.ctx.db.transaction(() =>
      insertVenue(t.app.ctx.db, {
        id: 'quiet',
        name: 'Quiet',
        kind: 'site',
        lat: 48.85,
        lon: 2.35,
        note: null,
      }),
    );
    expect(write).toThrow(/rows of venues written with no journal entry after them/);
    expect(t.call('listVenues', {})).toHaveLength(before);
    expect(t.call('verify', {}).ok).toBe(true);
  });

  it('records an inserted row as its insert returned it (the row stored), or read back if written again', () => {
    const t = testApp();
    signInAs(t.call, addPerson(t.app.ctx, 'Capt. Élise Moreau'), 'D1');
    const db = t.app.ctx.db;
    const images = (entityId: string) => {
      const r = db
        .prepare('SELECT after_images AS a FROM journal WHERE entity_id = ? ORDER BY seq DESC LIMIT 1')
        .get(entityId) as { a: string };
      return JSON.parse(r.a) as AfterImage[];
    };
    const created = t.call('createIncident', {
      category: 'unattended_bag',
      priority: 2,
      title: 'Sac abandonné',
      description: 'Under a bench',
      source: 'cctv',
      lat: 48.8578,
      lon: 2.3372,
    });
    const stored = db.prepare('SELECT * FROM incidents WHERE id = ?').get(created.id);
    expect(images(created.id)).toEqual([['incidents', [created.id], stored]]);
    // Inserted, then changed before the entry: the entry has the row as changed, not as inserted.
    const at = '2024-07-26T16:05:00.000Z';
    db.transaction(() => {
      insertIncident(db, {
        ...created,
        id: 'again',
        reference: 'INC-0726-9999',
        createdAt: at,
        updatedAt: at,
      });
      updateIncident(db, 'again', 1, { title: 'Renamed' }, at);
      appendEntry(db, {
        at,
        recordedAt: at,
        operator: 'Capt. Élise Moreau',
        role: 'watch_officer',
        desk: 'D1',
        action: 'incident.created',
        entityType: 'incident',
        entityId: 'again',
        data: null,
      });
    })();
    expect(images('again')[0]?.[2]).toMatchObject({ id: 'again', title: 'Renamed', version: 2 });
    expect(verifyDatabase(db)).toMatchObject({ ok: true, replay: { ok: true, problems: [] } });
  });

  it('hashes the after-images with the entry: editing them breaks the chain', () => {
    const t = dayOfWork();
    t.app.close();
    behindTheBack(t.dbPath, (db) => {
      const seq = (
        db.prepare("SELECT max(seq) AS s FROM journal WHERE action = 'zone.deleted'").get() as { s: number }
      ).s;
      db.exec(
        backend === 'postgres'
          ? 'ALTER TABLE journal DISABLE TRIGGER journal_no_update'
          : 'DROP TRIGGER journal_no_update',
      );
      db.prepare("UPDATE journal SET after_images = replace(after_images, 'null', '{}') WHERE seq = ?").run(
        seq,
      );
    });
    const r = verifyNow(t.dbPath);
    expect(r.journal).toMatchObject({ ok: false, reason: 'content does not match its hash' });
    expect(r.ok).toBe(false);
  });
});

describe.runIf(backend === 'sqlite')('a database from before after-images (v7)', () => {
  it('journals one baseline of every row when it reaches v8, and replays from it', () => {
    const file = tempDb();
    const raw = new Database(file);
    raw.exec(
      MIGRATIONS.filter((m) => m.version <= 7)
        .map((m) => m.sql)
        .join('\n'),
    );
    raw.pragma('user_version = 7');
    raw.exec(`INSERT INTO venues (id, name, kind, lat, lon) VALUES ('v', 'Old venue', 'site', 48.85, 2.35);`);
    const entry = {
      seq: 1,
      at: '2024-07-26T10:00:00.000Z',
      recorded_at: '2024-07-26T10:00:00.000Z',
      operator: 'system',
      role: 'system',
      desk: 'seed',
      action: 'venue.created',
      entity_type: 'venue',
      entity_id: 'v',
      data: '{}',
      prev_hash: GENESIS_HASH,
    };
    raw
      .prepare(
        `INSERT INTO journal (seq, at, recorded_at, operator, role, desk, action, entity_type, entity_id, data, prev_hash, hash)
         VALUES (@seq, @at, @recorded_at, @operator, @role, @desk, @action, @entity_type, @entity_id, @data, @prev_hash, @hash)`,
      )
      .run({ ...entry, hash: entryHash(entry) });
    raw.close();

    behindTheBack(file, () => {}); // opening for writing migrates it
    const rows = new Database(file, { readonly: true });
    const baseline = rows
      .prepare("SELECT seq, data, after_images FROM journal WHERE action = 'journal.baseline'")
      .all() as {
      seq: number;
      data: string;
      after_images: string;
    }[];
    rows.close();
    expect(baseline).toHaveLength(1);
    expect(baseline[0]?.seq).toBe(2);
    expect(JSON.parse(baseline[0]?.data ?? '')).toEqual({ fromVersion: 7, rows: 2 });
    expect(JSON.parse(baseline[0]?.after_images ?? '')).toEqual(
      expect.arrayContaining([
        ['venues', ['v'], expect.objectContaining({ name: 'Old venue' })],
        ['settings', ['stalePositionMinutes'], expect.objectContaining({ value: '30' })],
      ]),
    );
    expect(verifyNow(file)).toMatchObject({ ok: true, replay: { ok: true, fromSeq: 2, entries: 1 } });

    behindTheBack(file, (db) => db.prepare("UPDATE venues SET name = 'Renamed' WHERE id = 'v'").run());
    expect(verifyNow(file).replay?.problems).toEqual([
      'venues v differs from the journal in name (last journaled in entry #2)',
    ]);
  });
});
