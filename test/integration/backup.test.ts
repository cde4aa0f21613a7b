// vigie backup (online, while another process writes) and vigie restore (checked, confirmed, the
// replaced file moved aside): the restored database has the backup's journal head and row counts.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { main } from '../../electron/cli.js';
import { openDatabase } from '../../electron/store/db.js';
import { backupDatabase } from '../../electron/backup/backup.js';
import { summarizeFile, type DbSummary } from '../../electron/backup/summary.js';
import { seededDb, startWriter } from '../fixtures/crash-harness.js';
import { testApp } from '../support/app.js';
import { journalRows } from '../support/journal-rows.js';
import { paths, tempDb, tempDir } from '../support/temp.js';
import { signInAs } from '../support/sign-in.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('vigie backup', () => {
  it('copies a consistent snapshot while another process keeps writing', async () => {
    const db = seededDb(tempDb());
    const writer = await startWriter(db);
    try {
      await writer.waitForCommits(20);
      const source = openDatabase(db, { mustExist: true });
      const out = join(tempDir(), 'copy.db');
      const before = writer.commits.length;
      // A few pages per step, so the writer's commits land between the steps.
      const report = await backupDatabase(source, out, { stepPages: 4 }).finally(() => source.close());
      const during = writer.commits.length;
      expect(during, 'the writer kept committing during the backup').toBeGreaterThan(before);
      await writer.waitForCommits(during + 5);
      expect(report).toMatchObject({ ok: true, integrity: 'ok', journal: { ok: true } });
      expect(report.head.seq).toBeGreaterThan(0);
      await writer.kill();
      // The copy is a prefix of the live journal: same entries, same hashes, up to its head.
      const live = journalRows(db);
      const copy = journalRows(out);
      expect(copy.length).toBe(report.head.seq);
      expect(live.length).toBeGreaterThan(copy.length);
      expect(copy).toEqual(live.slice(0, copy.length));
      // No -wal, no partial left behind; the head file beside it.
      expect(readdirSync(dirname(out)).sort()).toEqual(['copy.db', 'copy.db.head']);
    } finally {
      await writer.kill();
    }
  });

  it('lets the app keep writing on the same connection between the copy steps', async () => {
    const t = testApp();
    signInAs(t.call, 'supervisor');
    let writes = 0;
    let copying = true;
    const writer = (async () => {
      while (copying) {
        t.call('addIncidentNote', {
          incidentId: t.call('listIncidents', { limit: 1 })[0]?.id ?? '',
          text: `n${writes}`,
        });
        writes++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const report = await backupDatabase(t.app.db, join(tempDir(), 'copy.db'), { stepPages: 2 }).finally(
      () => {
        copying = false;
      },
    );
    await writer;
    expect(writes).toBeGreaterThan(1);
    expect(report).toMatchObject({ ok: true, integrity: 'ok' });
    expect(report.head.seq).toBeLessThanOrEqual(journalRows(t.dbPath).length);
  });

  it('prints the checked copy as JSON and never overwrites a file', async () => {
    const { dbPath } = testApp();
    const out = join(tempDir(), 'b.db');
    const r = await run('backup', '--db', dbPath, '--out', out);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as DbSummary & { file: string; bytes: number };
    expect(report).toMatchObject({ ok: true, integrity: 'ok', file: out });
    expect(report.counts.units).toBeGreaterThan(0);
    expect(summarizeFile(out).head).toEqual(report.head);
    const again = await run('backup', '--db', dbPath, '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect((await run('backup', '--db', dbPath)).code).toBe(2);
    expect(
      (await run('backup', '--db', join(tempDir(), 'none.db'), '--out', join(tempDir(), 'x.db'))).code,
    ).toBe(2);
  });
});

describe('vigie restore', () => {
  async function backedUp() {
    const t = testApp();
    signInAs(t.call, 'supervisor');
    const out = join(tempDir(), 'backup.db');
    expect((await run('backup', '--db', t.dbPath, '--out', out)).code).toBe(0);
    // Work after the backup: the restore must take it away (into the file moved aside).
    const after = t.call('createIncident', {
      category: 'other',
      priority: 2,
      title: 'After backup',
      source: 'radio',
      locationText: 'Pont Neuf',
    });
    t.app.close();
    return { ...t, backup: out, after };
  }

  it('refuses without --yes and changes nothing', async () => {
    const { dbPath, backup } = await backedUp();
    const before = readFileSync(dbPath);
    const r = await run('restore', '--db', dbPath, '--from', backup);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--yes/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('puts the backup in place: same journal head and counts; the old file is moved aside', async () => {
    const { dbPath, backup, after } = await backedUp();
    const expected = summarizeFile(backup);
    const replaced = summarizeFile(dbPath);
    const r = await run('restore', '--db', dbPath, '--from', backup, '--yes');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as DbSummary & { movedAside: string };
    expect(report.ok).toBe(true);
    const now = summarizeFile(dbPath);
    expect(now.head).toEqual(expected.head);
    expect(now.counts).toEqual(expected.counts);
    expect(now.head.seq).toBeLessThan(replaced.head.seq);
    // Nothing deleted: the replaced database is intact beside it, after-backup work included.
    expect(existsSync(report.movedAside)).toBe(true);
    expect(summarizeFile(report.movedAside)).toMatchObject({
      ok: true,
      head: replaced.head,
      counts: replaced.counts,
    });
    // And the restored file is a working Vigie database again, which never issues the reference of
    // the incident the restore took away to another one.
    const [, day = '', n = ''] = after.reference.split('-');
    expect(report).toMatchObject({ referencesKept: { [day]: Number(n) } });
    const t = testApp(dbPath);
    expect(t.call('getSession', {}).journalOk).toBe(true);
    signInAs(t.call, 'supervisor');
    const next = t.call('createIncident', {
      category: 'other',
      priority: 3,
      title: 'After restore',
      source: 'radio',
      locationText: 'Pont Neuf',
    });
    expect(next.reference).toBe(`INC-${day}-${String(Number(n) + 1).padStart(4, '0')}`);
  });

  it('refuses a damaged backup, and a database another Vigie has open', async () => {
    const { dbPath, backup } = await backedUp();
    const before = readFileSync(dbPath);
    const junk = join(tempDir(), 'junk.db');
    writeFileSync(junk, 'not a database '.repeat(500));
    const bad = await run('restore', '--db', dbPath, '--from', junk, '--yes');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/junk\.db/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);

    const open = testApp(dbPath);
    const busy = await run('restore', '--db', dbPath, '--from', backup, '--yes');
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/open in another Vigie/);
    expect(open.call('getSession', {}).journalOk).toBe(true);
    expect(readdirSync(dirname(dbPath)).filter((f) => f.includes('before-restore'))).toEqual([]);
  });
});
