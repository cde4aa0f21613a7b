// The journal's checkpoint: opening a database checks the chain from the checkpoint a clean close
// left (not from the first entry), the older entries follow in the background and still raise the
// alarm, and a checkpoint that no longer holds is a break in itself. On SQLite and, in
// integration-pg, on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { openVigie } from '../../electron/services/app.js';
import { openDatabase } from '../../electron/store/db.js';
import { readCheckpoint } from '../../electron/store/journal-checkpoint.js';
import { appendEntry } from '../../electron/store/journal.js';
import { journalHead } from '../../electron/store/backup.js';
import { verifyDatabase } from '../../electron/services/verify.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { fixedClock } from '../../shared/clock.js';
import { backend, testDatabase } from '../support/backend.js';
import { paths } from '../support/temp.js';
import { REAL_START } from '../support/app.js';

const onJournal = backend === 'postgres' ? ' ON journal' : '';

function open(dbPath: string, o: { background?: boolean; alarms?: string[] } = {}) {
  return openVigie({
    dbPath,
    resourcesDir: paths.resources,
    real: fixedClock(REAL_START),
    headFile: null,
    background: o.background ?? false,
    onAlarm: (m) => o.alarms?.push(m),
  });
}

function append(dbPath: string, n: number) {
  const db = openDatabase(dbPath);
  db.transaction(() => {
    for (let i = 0; i < n; i++)
      appendEntry(db, {
        at: '2024-07-26T16:00:00.000Z',
        recordedAt: '2026-11-24T08:00:00.000Z',
        operator: 'Capt. Moreau',
        role: 'watch_officer',
        desk: 'D1',
        action: 'unit.status_changed',
        entityType: 'unit',
        entityId: `u${i}`,
        data: { i },
      });
  })();
  db.close();
}

function tamper(dbPath: string, seq: number) {
  const db = openDatabase(dbPath);
  db.exec(`DROP TRIGGER journal_no_update${onJournal}`);
  db.prepare(`UPDATE journal SET data = '{"edited":true}' WHERE seq = ?`).run(seq);
  db.close();
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('the journal checkpoint', () => {
  it('is written at the first open and moved to the head at a clean close', () => {
    const dbPath = testDatabase();
    const first = open(dbPath);
    const seeded = journalHead(first.db);
    // The first open has no checkpoint: it checks every entry, then records where it got to.
    expect(first.state.chain.result()).toMatchObject({ ok: true, entries: seeded.seq });
    expect(readCheckpoint(first.db)).toMatchObject({ seq: seeded.seq, hash: seeded.hash });
    first.close();

    append(dbPath, 7);
    const second = open(dbPath);
    // Only the 7 entries after the checkpoint are checked before the console is served.
    expect(second.state.chain.result()).toMatchObject({ ok: true, entries: 7 });
    expect(second.state.chain.complete()).toBe(false);
    const desk = createDesk();
    const session = dispatch(second.handlers, 'getSession', {}, desk);
    expect(session.ok && session.value).toMatchObject({ journalOk: true, journalCheckComplete: false });
    const head = journalHead(second.db);
    second.close();
    const db = openDatabase(dbPath);
    expect(readCheckpoint(db)).toMatchObject({ seq: head.seq, hash: head.hash });
    db.close();
  });

  it('checks the older entries in the background and raises the alarm for one edited in place', async () => {
    const dbPath = testDatabase();
    open(dbPath).close();
    append(dbPath, 5);
    tamper(dbPath, 3); // before the checkpoint: the start-up check cannot see it
    const alarms: string[] = [];
    const app = open(dbPath, { background: true, alarms });
    expect(app.state.chain.result().ok).toBe(true);
    await until(() => app.state.chain.complete() || !app.state.chain.result().ok);
    expect(app.state.chain.result()).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      reason: 'content does not match its hash',
    });
    const s = dispatch(app.handlers, 'getSession', {}, createDesk());
    expect(s.ok && s.value).toMatchObject({ journalOk: false, journalFirstBadSeq: 3 });
    expect(alarms.join('\n')).toMatch(/entry #3/);
    const before = readCheckpoint(app.db);
    app.close();
    // A broken chain never moves the checkpoint.
    const db = openDatabase(dbPath);
    expect(readCheckpoint(db)).toEqual(before);
    db.close();
  });

  it('finishes the background check and then moves the checkpoint to the head', async () => {
    const dbPath = testDatabase();
    open(dbPath).close();
    append(dbPath, 3);
    const app = open(dbPath, { background: true });
    await until(() => app.state.chain.complete());
    expect(app.state.chain.complete()).toBe(true);
    expect(app.state.chain.result().ok).toBe(true);
    expect(readCheckpoint(app.db)?.seq).toBe(journalHead(app.db).seq);
    app.close();
  });

  it('treats a checkpointed entry that changed as a break, even when the chain was rewritten to agree', () => {
    const dbPath = testDatabase();
    open(dbPath).close();
    const db = openDatabase(dbPath);
    const cp = readCheckpoint(db);
    expect(cp).not.toBeNull();
    // Rewrite the checkpointed entry's hash as a forger would, then re-link the chain after it:
    // with nothing after it, the rewritten chain verifies on its own.
    db.exec(`DROP TRIGGER journal_no_update${onJournal}`);
    db.prepare('UPDATE journal SET hash = ? WHERE seq = ?').run('f'.repeat(64), cp?.seq);
    db.close();
    const app = open(dbPath);
    expect(app.state.chain.result()).toMatchObject({ ok: false, firstBadSeq: cp?.seq });
    app.close();
    const check = openDatabase(dbPath, { readonly: true });
    const verified = verifyDatabase(check);
    expect(verified.checkpoint).toMatchObject({ ok: false, seq: cp?.seq });
    expect(verified.ok).toBe(false);
    check.close();
  });

  it('treats removed entries as a break', () => {
    const dbPath = testDatabase();
    open(dbPath).close();
    const db = openDatabase(dbPath);
    const head = journalHead(db);
    db.exec(`DROP TRIGGER journal_no_delete${onJournal}`);
    db.prepare('DELETE FROM journal WHERE seq = ?').run(head.seq);
    db.close();
    const check = openDatabase(dbPath, { readonly: true });
    expect(verifyDatabase(check).checkpoint).toMatchObject({
      ok: false,
      seq: head.seq,
      reason: `entry #${head.seq} is gone: entries were removed`,
    });
    check.close();
    // Opening puts the dropped trigger back and journals it, as entry #seq again: still a break.
    const app = open(dbPath);
    expect(app.state.chain.result()).toMatchObject({ ok: false, firstBadSeq: head.seq });
    app.close();
  });
});
