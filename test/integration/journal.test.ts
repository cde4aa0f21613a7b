import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/db.js';
import { appendEntry, GENESIS_HASH, listEntries, verifyChain } from '../../electron/store/journal.js';
import { backend, testDatabase } from '../support/backend.js';

// A tamperer drops the trigger first; PostgreSQL names a trigger with its table.
const onJournal = backend === 'postgres' ? ' ON journal' : '';

function withEntries(n: number) {
  const db = openDatabase(testDatabase());
  for (let i = 0; i < n; i++) {
    appendEntry(db, {
      at: `2024-07-26T16:${String(i).padStart(2, '0')}:00.000Z`,
      recordedAt: '2026-11-24T08:00:00.000Z',
      operator: 'Capt. Moreau',
      // Both kinds of entry: with a role (hashed) and from before roles existed (null, not hashed).
      role: i % 2 ? null : 'watch_officer',
      desk: 'D1',
      action: 'unit.status_changed',
      entityType: 'unit',
      entityId: `u${i % 3}`,
      data: { i, text: "Robert'); DROP TABLE units;--" },
    });
  }
  return db;
}

describe('journal', () => {
  it('chains each entry to the previous hash', () => {
    const db = withEntries(5);
    const entries = listEntries(db, { limit: 10 }).reverse();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    expect(entries[2]?.data).toEqual({ i: 2, text: "Robert'); DROP TABLE units;--" });
    expect(verifyChain(db)).toEqual({ ok: true, entries: 5, firstBadSeq: null, reason: null });
    db.close();
  });

  it('returns each appended entry as a reader will read it back, data included', () => {
    const db = openDatabase(testDatabase());
    const entry = db.transaction(() =>
      appendEntry(db, {
        at: '2024-07-26T16:00:00.000Z',
        recordedAt: '2026-11-24T08:00:00.000Z',
        operator: 'Capt. Moreau',
        role: 'watch_officer',
        desk: 'D1',
        action: 'unit.moved',
        entityType: 'unit',
        entityId: 'u1',
        // JSON's rules apply to what is returned as to what is stored: no undefined, dates as text.
        data: { to: { lat: 48.86 }, gone: undefined, when: new Date('2024-07-26T16:00:00.000Z') },
      }),
    )();
    const [stored] = listEntries(db, { limit: 1 });
    expect(entry.data).toEqual({ to: { lat: 48.86 }, when: '2024-07-26T16:00:00.000Z' });
    expect('gone' in (entry.data as object)).toBe(false);
    expect(JSON.parse(JSON.stringify(entry))).toEqual(stored);
    expect(entry.data).toBe(entry.data);
    db.close();
  });

  it('refuses UPDATE and DELETE', () => {
    const db = withEntries(2);
    expect(() => db.prepare("UPDATE journal SET operator = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal WHERE seq = 2').run()).toThrow(/append-only/);
    expect(verifyChain(db).ok).toBe(true);
    db.close();
  });

  it('finds the first tampered entry even when the triggers are bypassed', () => {
    const db = withEntries(6);
    db.exec(`DROP TRIGGER journal_no_update${onJournal}`);
    db.prepare('UPDATE journal SET data = \'{"i":99}\' WHERE seq = 4').run();
    expect(verifyChain(db)).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      reason: 'content does not match its hash',
    });
    db.close();
  });

  it('detects a deleted entry', () => {
    const db = withEntries(6);
    db.exec(`DROP TRIGGER journal_no_delete${onJournal}`);
    db.prepare('DELETE FROM journal WHERE seq = 3').run();
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBadSeq: 4 });
    db.close();
  });

  it('lists by entity and pages backwards', () => {
    const db = withEntries(9);
    expect(listEntries(db, { limit: 10, entityId: 'u1' }).map((e) => e.seq)).toEqual([8, 5, 2]);
    expect(listEntries(db, { limit: 2, beforeSeq: 5 }).map((e) => e.seq)).toEqual([4, 3]);
    db.close();
  });
});
