// The journal's head anchored outside the database: deleting the newest entries leaves a valid
// chain, so only a head kept elsewhere finds it. `verify --expect-head` on both engines; the head
// file beside a desk's file (written as the journal moves and on close) on SQLite.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../electron/cli.js';
import { openDatabase } from '../../electron/store/db.js';
import { journalHead } from '../../electron/store/backup.js';
import { headFileFor, readHeadFile } from '../../electron/backup/head-file.js';
import { testApp } from '../support/app.js';
import { backend, testDatabase } from '../support/backend.js';
import { serve } from '../support/serve.js';
import { openVigie } from '../../electron/services/app.js';
import { paths, tempDir } from '../support/temp.js';
import { signInAs, addPerson } from '../support/sign-in.js';
import type { VerifyResult } from '../../shared/domain.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const verified = async (...argv: string[]) => {
  const r = await run('verify', ...argv);
  return { code: r.code, result: JSON.parse(r.stdout || '{}') as VerifyResult, stderr: r.stderr };
};

/** A desk that has worked a little: sign-in and a few incidents, each one journaled. */
function workedDesk(incidents = 3) {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, 'Capt. Élise Moreau'), 'D1');
  const more = (n: number) => {
    for (let i = 0; i < n; i++)
      t.call('createIncident', {
        category: 'other',
        priority: 3,
        title: `Check ${i}`,
        source: 'radio',
        locationText: 'Bercy',
      });
  };
  more(incidents);
  return { ...t, more };
}

/** What an attacker with the file does: drop the append-only trigger, delete the newest entries. */
function deleteNewest(location: string, n: number): void {
  const db = openDatabase(location, { mustExist: true });
  try {
    db.exec(`DROP TRIGGER journal_no_delete${backend === 'postgres' ? ' ON journal' : ''}`);
    const last = journalHead(db).seq;
    db.prepare('DELETE FROM journal WHERE seq > ?').run(last - n);
  } finally {
    db.close();
  }
}

describe('verify --expect-head', () => {
  it('passes on the anchored head and after it, and names a removed or different entry', async () => {
    const t = workedDesk();
    const head = journalHead(t.app.db);
    const anchor = `${head.seq}:${head.hash ?? ''}`;
    const good = await verified('--db', t.dbPath, '--expect-head', anchor);
    expect(good.code).toBe(0);
    expect(good.result).toMatchObject({
      ok: true,
      head: { ok: true, source: '--expect-head', seq: head.seq, hash: head.hash, journalSeq: head.seq },
    });

    // The journal moved on: the anchored entry is still there, so it still passes.
    t.more(2);
    const later = await verified('--db', t.dbPath, '--expect-head', anchor);
    expect(later.code).toBe(0);
    expect(later.result.head).toMatchObject({ ok: true, seq: head.seq, journalSeq: head.seq + 2 });

    const other = `${head.seq}:${'0'.repeat(64)}`;
    const differs = await verified('--db', t.dbPath, '--expect-head', other);
    expect(differs.code).toBe(1);
    expect(differs.result).toMatchObject({
      ok: false,
      journal: { ok: true },
      head: { ok: false, reason: `entry #${head.seq}'s hash differs from the anchored head` },
    });

    const newest = journalHead(t.app.db);
    deleteNewest(t.dbPath, 3);
    const removed = await verified('--db', t.dbPath, '--expect-head', `${newest.seq}:${newest.hash ?? ''}`);
    expect(removed.code).toBe(1);
    // The chain that is left is valid: only the anchored head shows the deletion. (A room also
    // reports the dropped trigger; an attacker who recreates it leaves only the head to tell.)
    expect(removed.result).toMatchObject({ ok: false, journal: { ok: true }, head: { ok: false } });
    expect(removed.result.head?.reason).toBe(
      `journal ends at #${newest.seq - 3} but its head was #${newest.seq}: entries were removed`,
    );
  });

  it('refuses a malformed --expect-head with exit 2 naming the option', async () => {
    const t = workedDesk(0);
    for (const bad of [
      '12:abc',
      `x:${'a'.repeat(64)}`,
      `0:${'a'.repeat(64)}`,
      join(tempDir(), 'nope.head'),
    ]) {
      const r = await run('verify', '--db', t.dbPath, '--expect-head', bad);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toMatch(/--expect-head: /);
    }
    const notJson = join(tempDir(), 'bad.head');
    writeFileSync(notJson, '{"seq": 3, "hash": "short"}');
    const r = await run('verify', '--db', t.dbPath, '--expect-head', notJson);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--expect-head: .*hash must be 64 lowercase hex digits/);
  });
});

describe('vigie serve --head-file', () => {
  it('keeps the head current, other writers’ commits included; the file checks once it stopped', async () => {
    const db = testDatabase();
    const file = join(tempDir(), 'room.head');
    const server = await serve(['--head-file', file], db);
    expect(server.code).toBeNull();
    // Another writer on the same database: another server of the room, or a command on the file.
    const other = openVigie({ dbPath: db, resourcesDir: paths.resources, headFile: null });
    try {
      addPerson(other.ctx, 'Capt. Élise Moreau');
      const head = journalHead(other.db);
      await expect
        .poll(() => (existsSync(file) ? readHeadFile(file).seq : 0), { timeout: 10_000 })
        .toBe(head.seq);
      expect(readHeadFile(file)).toMatchObject({ hash: head.hash, location: other.db.location });
    } finally {
      other.close();
    }
    await server.stop();
    const checked = await verified('--db', db, '--expect-head', file);
    expect(checked.code).toBe(0);
    expect(checked.result.head).toMatchObject({ ok: true, source: '--expect-head' });
  });
});

describe.skipIf(backend === 'postgres')('the head file beside a desk’s file', () => {
  it('follows the journal (at most a second behind), is written on close, and finds removed entries', async () => {
    const t = workedDesk();
    const file = headFileFor(t.dbPath);
    // Written at open, then within a second of each commit.
    await expect.poll(() => readHeadFile(file).seq, { timeout: 5000 }).toBe(journalHead(t.app.db).seq);
    t.more(2);
    const moved = journalHead(t.app.db);
    await expect.poll(() => readHeadFile(file).seq, { timeout: 5000 }).toBe(moved.seq);
    expect(readHeadFile(file)).toMatchObject({ hash: moved.hash, location: t.dbPath });
    expect(Date.parse(readHeadFile(file).at ?? '')).not.toBeNaN();
    // The last commits before close are not lost to the one-second wait.
    t.more(1);
    t.app.head?.close();
    const last = journalHead(t.app.db);
    expect(readHeadFile(file)).toMatchObject({ seq: last.seq, hash: last.hash });

    const ok = await verified('--db', t.dbPath);
    expect(ok.code).toBe(0);
    expect(ok.result.head).toMatchObject({ ok: true, source: file, seq: last.seq });

    t.app.close();
    deleteNewest(t.dbPath, 2);
    const bad = await verified('--db', t.dbPath);
    expect(bad.code).toBe(1);
    expect(bad.result).toMatchObject({ ok: false, journal: { ok: true }, head: { ok: false, source: file } });
    expect(bad.result.head?.reason).toMatch(
      new RegExp(
        `^journal ends at #${last.seq - 2} but its head was #${last.seq} at \\S+Z: entries were removed$`,
      ),
    );

    // Reopening the file does not overwrite the evidence, even as the journal moves on.
    const before = readFileSync(file, 'utf8');
    const again = testApp(t.dbPath);
    signInAs(again.call, addPerson(again.app.ctx, 'Lt. Marc Dubois'), 'D2');
    again.app.head?.close();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await verified('--db', t.dbPath)).code).toBe(1);
  });

  it('an unreadable head file fails verify with its reason', async () => {
    const t = workedDesk(0);
    t.app.head?.close();
    writeFileSync(headFileFor(t.dbPath), 'not json');
    const r = await verified('--db', t.dbPath);
    expect(r.code).toBe(1);
    expect(r.result.head).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/is not JSON$/) as unknown,
    });
  });

  it('--expect-head takes a head file, and takes precedence over the one beside', async () => {
    const t = workedDesk();
    t.app.head?.close();
    const anchored = join(tempDir(), 'desk.head');
    writeFileSync(anchored, readFileSync(headFileFor(t.dbPath)));
    const r = await verified('--db', t.dbPath, '--expect-head', anchored);
    expect(r.code).toBe(0);
    expect(r.result.head).toMatchObject({ ok: true, source: '--expect-head' });
  });

  it('vigie serve --head-file refuses a folder that does not exist (exit 2)', async () => {
    const t = workedDesk(0);
    const r = await run('serve', '--db', t.dbPath, '--head-file', join(tempDir(), 'none', 'x.head'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--head-file: no folder/);
    expect(existsSync(join(tempDir(), 'none'))).toBe(false);
  });
});
