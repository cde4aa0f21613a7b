// Bad files: a corrupt database, one from a newer Vigie, a missing folder, a full disk and a
// tampered journal. Each gives a clear message (or, for the journal, an alarm while the console
// keeps working); nothing is overwritten; nothing retries in a loop.
import { sqliteHandle } from '../../electron/store/sqlite.js';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../../electron/cli.js';
import { openVigie } from '../../electron/services/app.js';
import { StoreError } from '../../electron/store/errors.js';
import { LATEST_VERSION } from '../../electron/store/migrations/index.js';
import { verifyChain } from '../../electron/store/journal.js';
import { journalHead } from '../../electron/store/backup.js';
import { bundle, seededDb } from '../fixtures/crash-harness.js';
import type { ProbeResult } from '../fixtures/open-probe.js';
import { testApp } from '../support/app.js';
import { paths, tempDb, tempDir } from '../support/temp.js';
import { signInAs } from '../support/sign-in.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function storeError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    return err as StoreError;
  }
  throw new Error('expected a StoreError');
}

const open = (dbPath: string) => openVigie({ dbPath, resourcesDir: paths.resources }).close();

function corruptFile(): string {
  const file = tempDb();
  writeFileSync(file, Buffer.from('SQLite format 3\0 but then nothing a database holds '.repeat(300)));
  return file;
}

function newerFile(): string {
  const file = tempDb();
  const raw = new Database(file);
  raw.exec('CREATE TABLE future (x INTEGER) STRICT');
  raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
  raw.close();
  return file;
}

/** The folder's files and their bytes, to prove nothing was written. */
function snapshot(file: string): Record<string, string> {
  const dir = dirname(file);
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

describe('bad files, opened as the app and the browser host do (openVigie)', () => {
  it('a corrupt file: a clear message, the folder untouched', () => {
    const file = corruptFile();
    const before = snapshot(file);
    const err = storeError(() => open(file));
    expect(err.kind).toBe('corrupt');
    expect(err.message).toMatch(/corrupt or not a Vigie database.*left untouched/);
    expect(snapshot(file)).toEqual(before);
  });

  it('a database from a newer Vigie: refused with both versions named, untouched', () => {
    const file = newerFile();
    const before = snapshot(file);
    const err = storeError(() => open(file));
    expect(err.kind).toBe('newer_version');
    expect(err.message).toContain(`schema version ${LATEST_VERSION + 1}`);
    expect(snapshot(file)).toEqual(before);
  });

  it('a missing folder: refused, not created', () => {
    const dir = join(tempDir(), 'gone');
    const err = storeError(() => open(join(dir, 'vigie.db')));
    expect(err.kind).toBe('unreadable');
    expect(err.message).toMatch(/directory does not exist/);
    expect(readdirSync(dirname(dir))).toEqual([]);
  });

  it('a full disk: the write is refused with a clear message, nothing half-written, work resumes after', () => {
    const t = testApp();
    signInAs(t.call, 'supervisor');
    const pages = sqliteHandle(t.app.db).pragma('page_count', { simple: true }) as number;
    sqliteHandle(t.app.db).pragma(`max_page_count = ${pages + 8}`);
    const create = (i: number) =>
      t.call('createIncident', {
        category: 'other',
        priority: 3,
        title: `Filler ${i}`,
        description: `${i} `.repeat(1500).slice(0, 4000),
        source: 'radio',
        locationText: 'Quai',
      });
    let failure: unknown = null;
    let made = 0;
    for (let i = 0; i < 200 && !failure; i++) {
      const head = journalHead(t.app.db);
      try {
        create(i);
        made++;
      } catch (err) {
        failure = err;
        expect(journalHead(t.app.db)).toEqual(head);
      }
    }
    expect(failure).toMatchObject({ code: 'internal' });
    expect((failure as Error).message).toMatch(/disk holding the database is full: the change was not saved/);
    expect(t.call('listIncidents', { text: 'Filler' })).toHaveLength(made);
    expect(sqliteHandle(t.app.db).pragma('integrity_check', { simple: true })).toBe('ok');
    sqliteHandle(t.app.db).pragma(`max_page_count = ${pages * 4}`);
    expect(create(999).title).toBe('Filler 999');
    expect(verifyChain(t.app.db).ok).toBe(true);
  });

  it('a tampered journal: opens read-write with the alarm set, and new entries still append', async () => {
    const file = seededDb(tempDb());
    const raw = new Database(file);
    raw.exec('DROP TRIGGER journal_no_update');
    raw.prepare("UPDATE journal SET operator = 'mallory' WHERE seq = 3").run();
    raw.close();
    const t = testApp(file);
    // Entry 3 lies before the checkpoint the seeding open left: opening checks from there, and the
    // background check of the older entries finds it moments later.
    for (let i = 0; i < 200 && t.call('getSession', {}).journalCheckComplete === false; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(t.call('getSession', {})).toMatchObject({ journalOk: false, journalFirstBadSeq: 3 });
    const head = journalHead(t.app.db).seq;
    signInAs(t.call, 'supervisor');
    const incident = t.call('createIncident', {
      category: 'other',
      priority: 2,
      title: 'After tampering',
      source: 'phone',
      locationText: 'Trocadéro',
    });
    expect(t.call('getIncident', { id: incident.id }).incident.title).toBe('After tampering');
    expect(journalHead(t.app.db).seq).toBe(head + 2);
    // The break stays where it was; what came after links on from the last entry.
    expect(verifyChain(t.app.db)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });
});

describe('bad files through the CLI', () => {
  it('backup of a corrupt or newer file: exit 2 with the reason, nothing written', async () => {
    for (const file of [corruptFile(), newerFile()]) {
      const before = snapshot(file);
      const out = join(tempDir(), 'b.db');
      const r = await run('backup', '--db', file, '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/corrupt or not a Vigie database|newer than this Vigie/);
      expect(snapshot(file)).toEqual(before);
      expect(readdirSync(dirname(out))).toEqual([]);
    }
  });

  it('restore rescues a corrupt database, which is moved aside, not deleted', async () => {
    const good = testApp();
    const backup = join(tempDir(), 'good.db');
    expect((await run('backup', '--db', good.dbPath, '--out', backup)).code).toBe(0);
    const file = corruptFile();
    const junk = readFileSync(file);
    const r = await run('restore', '--db', file, '--from', backup, '--yes');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; movedAside: string };
    expect(report.ok).toBe(true);
    expect(readFileSync(report.movedAside).equals(junk)).toBe(true);
  });

  it('a folder that cannot be created: exit 1 with the reason, no stack trace', async () => {
    const file = join(tempDir(), 'plain-file');
    writeFileSync(file, 'x');
    const r = await run('seed', '--db', join(file, 'vigie.db'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^vigie seed: E[A-Z]+: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('bad files that need another user (root ignores file permissions)', () => {
  const asRoot = process.getuid?.() === 0;
  /** Runs the open probe as an unprivileged user (nobody when the tests run as root). */
  async function probe(dbPath: string): Promise<ProbeResult> {
    const bundled = await bundle('test/fixtures/open-probe.ts');
    const r = spawnSync(process.execPath, [bundled, dbPath, paths.resources], {
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    if (r.status !== 0) throw new Error(`probe failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as ProbeResult;
  }
  /** Probes a seeded database in a folder it may read but not write (or with the file alone read-only). */
  async function probeReadOnly(what: 'folder' | 'file') {
    const file = seededDb(tempDb());
    const before = snapshot(file);
    chmodSync(file, 0o444);
    chmodSync(dirname(file), what === 'folder' ? 0o555 : 0o777);
    try {
      return { file, before, result: await probe(file) };
    } finally {
      chmodSync(dirname(file), 0o755); // so the folder can be removed
      chmodSync(file, 0o644);
    }
  }

  it.skipIf(process.platform === 'win32')(
    'a read-only folder: refused up front with what to fix, untouched',
    async () => {
      const { file, before, result } = await probeReadOnly('folder');
      expect(result.writable).toMatch(/cannot write the folder .* needs write access .* Nothing was changed/);
      expect(result.open ?? result.write).toMatch(/cannot be written|can no longer be written/);
      expect(snapshot(file)).toEqual(before);
    },
  );

  it.skipIf(process.platform === 'win32')(
    'a read-only file: refused up front; a write that gets through fails clearly',
    async () => {
      const { file, before, result } = await probeReadOnly('file');
      expect(result.writable).toMatch(/cannot write the database file/);
      expect(result.open ?? result.write).toMatch(/cannot be written|can no longer be written/);
      expect(readFileSync(file).equals(Buffer.from(before['vigie.db'] ?? '', 'base64'))).toBe(true);
    },
  );
});
