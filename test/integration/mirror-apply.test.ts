// A desk's copy applying the room's journal rows (store/mirror-apply.ts), in process: a room on
// either engine (the integration-pg project reruns this file on PostgreSQL), its copy a SQLite file
// made as the room server makes snapshots. Each page is all or nothing.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { backupRoom } from '../../electron/backup/room-backup.js';
import { openDatabase, type Db } from '../../electron/store/db.js';
import { JOURNALED_TABLES } from '../../electron/store/after-images.js';
import { entryHash } from '../../electron/store/journal.js';
import { journalHead } from '../../electron/store/backup.js';
import {
  applyJournalRows,
  journalRowsAfter,
  MirrorRefused,
  type JournalRowsPage,
} from '../../electron/store/mirror-apply.js';
import { verifyDatabase } from '../../electron/services/verify.js';
import { createDesk } from '../../electron/services/desk.js';
import { testApp } from '../support/app.js';
import { signInAs } from '../support/sign-in.js';
import { tempDir } from '../support/temp.js';

const BIG = 4 * 1024 * 1024;

function withFile<T>(file: string, fn: (db: Db) => T): T {
  const db = openDatabase(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const rowsOf = (db: Db) =>
  Object.fromEntries(
    Object.entries(JOURNALED_TABLES).map(([table, key]) => [
      table,
      db.prepare(`SELECT * FROM ${table} ORDER BY ${key.join(', ')}`).all(),
    ]),
  );

/** A room with a supervisor at a desk, and its copy as a desk first receives it. */
function roomAndCopy() {
  const t = testApp();
  const sup = createDesk();
  signInAs(t.call, 'supervisor', 'SUP', sup);
  const copy = join(tempDir(), 'copy.db');
  backupRoom(t.app.db, copy, { anchor: false });
  const added = t.call(
    'addOperator',
    { login: 'l.dubois', name: 'Lt. Léa Dubois', role: 'watch_officer', passphrase: 'la seine à minuit' },
    sup,
  );
  return { t, sup, copy, added, head: () => withFile(copy, journalHead) };
}

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof MirrorRefused) return err.message;
    throw err;
  }
  throw new Error('not refused');
};

describe('a copy kept by the journal’s rows', () => {
  it('takes the rows after its head, passphrases and all, and then equals and verifies as the room', () => {
    const { t, sup, copy, added, head } = roomAndCopy();
    // Two resets: the first entry's passphrase hash is no longer the room's, the second's is.
    t.call('resetPassphrase', { id: added.id, passphrase: 'le pont neuf la nuit' }, sup);
    t.call('resetPassphrase', { id: added.id, passphrase: 'la passerelle à l’aube' }, sup);
    signInAs(t.call, { login: 'l.dubois', passphrase: 'la passerelle à l’aube' }, 'D4');
    const page = journalRowsAfter(t.app.db, head().seq, 500, BIG);
    expect(page.more).toBe(false);
    expect(page.rows.length).toBeGreaterThan(3);
    expect(applyJournalRows(copy, page)).toEqual(journalHead(t.app.db));
    expect(withFile(copy, rowsOf)).toEqual(rowsOf(t.app.db));
    expect(withFile(copy, (db) => verifyDatabase(db).ok)).toBe(true);
  });

  it('pages by rows and by bytes', () => {
    const { t, copy, head } = roomAndCopy();
    const from = head().seq;
    const one = journalRowsAfter(t.app.db, from, 1, BIG);
    expect(one.rows.map((r) => r.seq)).toEqual([from + 1]);
    // Past the byte budget the page stops, but never before its first row.
    const tight = journalRowsAfter(t.app.db, 0, 500, 1);
    expect(tight.rows).toHaveLength(1);
    expect(tight.more).toBe(true);
    expect(applyJournalRows(copy, one).seq).toBe(from + 1);
  });

  it('refuses a page that does not follow its head, and writes nothing of it', () => {
    const { t, sup, copy, added, head } = roomAndCopy();
    const before = head();
    const page = journalRowsAfter(t.app.db, before.seq, 500, BIG);
    const [first] = page.rows;
    if (!first) throw new Error('no rows');
    const just = (rows: JournalRowsPage['rows']): JournalRowsPage => ({ ...page, rows });
    expect(refusal(() => applyJournalRows(copy, just([{ ...first, seq: first.seq + 1 }])))).toMatch(
      /sequence gap/,
    );
    expect(refusal(() => applyJournalRows(copy, just([{ ...first, hash: 'f'.repeat(64) }])))).toMatch(
      /does not follow|does not match its hash/,
    );
    expect(refusal(() => applyJournalRows(copy, just([{ ...first, data: '{}' }])))).toMatch(
      /does not match its hash/,
    );
    // A well-hashed entry whose image names a table the journal does not keep.
    const odd = { ...first, after_images: JSON.stringify([['sessions', ['x'], { id: 'x' }]]) };
    expect(refusal(() => applyJournalRows(copy, just([{ ...odd, hash: entryHash(odd) }])))).toMatch(
      /unknown table/,
    );
    // The second reset comes in a later page: the first cannot be written right, so not at all.
    t.call('resetPassphrase', { id: added.id, passphrase: 'le pont neuf la nuit' }, sup);
    const upTo = journalRowsAfter(t.app.db, before.seq, page.rows.length + 1, BIG);
    t.call('resetPassphrase', { id: added.id, passphrase: 'la passerelle à l’aube' }, sup);
    const early = { ...upTo, values: journalRowsAfter(t.app.db, before.seq, 500, BIG).values };
    expect(refusal(() => applyJournalRows(copy, early))).toMatch(/no value matches accounts\.pass_hash/);
    expect(head()).toEqual(before);
    // The page as the room sends it applies.
    applyJournalRows(copy, journalRowsAfter(t.app.db, before.seq, 500, BIG));
    expect(withFile(copy, rowsOf)).toEqual(rowsOf(t.app.db));
  });
});
