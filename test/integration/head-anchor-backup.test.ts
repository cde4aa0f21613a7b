// Every backup carries its journal head in a head file beside it (BACKUP.db.head): `vigie backup`
// prints it, the rolling backups write and prune theirs, and a restore moves the replaced head
// aside and anchors the restored journal, so `vigie verify` passes on the restored file.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../electron/cli.js';
import { startLiveVigie, type LiveVigie } from '../../electron/services/live-vigie.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { headFileFor, readHeadFile } from '../../electron/backup/head-file.js';
import type { BackupReport } from '../../electron/backup/backup.js';
import { journalHead } from '../../electron/store/backup.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { fixedClock } from '../../shared/clock.js';
import type { VerifyResult } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { REAL_START, testApp } from '../support/app.js';
import { paths, tempDb, tempDir } from '../support/temp.js';
import { addPerson, signInAs, signInInput } from '../support/sign-in.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const verify = async (db: string) => {
  const r = await run('verify', '--db', db);
  return { code: r.code, result: JSON.parse(r.stdout) as VerifyResult };
};

const incident: CallInput<'createIncident'> = {
  category: 'other',
  priority: 3,
  title: 'Barrier down',
  source: 'radio',
  locationText: 'Pont Neuf',
};

const running: LiveVigie[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.close();
});

describe('a backup’s head', () => {
  it('vigie backup writes BACKUP.db.head and prints it; verify of the backup checks against it', async () => {
    const t = testApp();
    signInAs(t.call, 'supervisor');
    t.call('createIncident', incident);
    const out = join(tempDir(), 'b.db');
    const r = await run('backup', '--db', t.dbPath, '--out', out);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as BackupReport;
    expect(report.headFile).toBe(`${out}.head`);
    expect(report.head).toEqual(journalHead(t.app.db));
    expect(readHeadFile(`${out}.head`)).toMatchObject({ ...report.head, location: t.dbPath });
    const checked = await verify(out);
    expect(checked.code).toBe(0);
    expect(checked.result.head).toMatchObject({ ok: true, source: `${out}.head`, seq: report.head.seq });
  });

  it('the rolling backups write a head file each and prune it with its backup', async () => {
    const dir = tempDir('vigie-backups-');
    const live = startLiveVigie({
      dbPath: tempDb(),
      resourcesDir: paths.resources,
      real: fixedClock(REAL_START),
      backups: { dir, everyMinutes: 0, keep: 1 },
    });
    running.push(live);
    const first = await live.rolling().runNow();
    expect(readHeadFile(headFileFor(first.file))).toMatchObject(first.head);
    addPerson(live.current().ctx, 'Capt. Élise Moreau');
    const second = await live.rolling().runNow();
    expect(second.head.seq).toBeGreaterThan(first.head.seq);
    expect(readHeadFile(headFileFor(second.file))).toMatchObject(second.head);
    const base = (f: string) => f.slice(dir.length + 1);
    expect(readdirSync(dir).sort()).toEqual([base(second.file), base(headFileFor(second.file))]);
  });
});

describe('restoring keeps the head file true', () => {
  it('vigie restore moves the replaced head aside and anchors the restored journal', async () => {
    const t = testApp();
    signInAs(t.call, 'supervisor');
    const out = join(tempDir(), 'b.db');
    expect((await run('backup', '--db', t.dbPath, '--out', out)).code).toBe(0);
    t.call('createIncident', incident);
    t.app.close();
    const replaced = readHeadFile(headFileFor(t.dbPath));
    const r = await run('restore', '--db', t.dbPath, '--from', out, '--yes');
    expect(r.code).toBe(0);
    const { movedAside, head } = JSON.parse(r.stdout) as { movedAside: string; head: { seq: number } };
    // The replaced journal's head stays with the replaced file, as evidence of what it held.
    expect(readHeadFile(`${movedAside}.head`)).toEqual(replaced);
    expect(readHeadFile(headFileFor(t.dbPath))).toMatchObject(head);
    const checked = await verify(t.dbPath);
    expect(checked.code).toBe(0);
    expect(checked.result.head).toMatchObject({ ok: true, seq: head.seq });
  });

  it('a restore from the console too: the reopened app anchors the restored journal', async () => {
    const dbPath = tempDb();
    const dir = tempDir('vigie-backups-');
    const live = startLiveVigie({
      dbPath,
      resourcesDir: paths.resources,
      real: fixedClock(REAL_START),
      backups: { dir, everyMinutes: 0, keep: 5 },
    });
    running.push(live);
    const boss = addPerson(live.current().ctx, 'Capt. Élise Moreau', 'supervisor');
    const desk = createDesk();
    const call = <K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> => {
      const r = dispatch(live.handlers, name, input, desk);
      if (!r.ok) throw new ApiError(r.error);
      return r.value as CallOutput<K>;
    };
    call('signIn', signInInput(boss, 'D1'));
    const taken = await live.rolling().runNow();
    call('createIncident', incident);
    call('createIncident', { ...incident, title: 'After the backup' });
    call('restoreBackup', { file: taken.file.slice(dir.length + 1), confirm: true });
    // The safety copy of the replaced data has its head, like every backup.
    const safety = readdirSync(dir).find((f) => f.endsWith('-before-restore.db'));
    expect(safety && existsSync(headFileFor(join(dir, safety)))).toBe(true);
    live.current().head?.close();
    expect(readHeadFile(headFileFor(dbPath))).toMatchObject(journalHead(live.current().db));
    expect((await verify(dbPath)).code).toBe(0);
    expect(readdirSync(join(dbPath, '..')).some((f) => /\.before-restore-.*\.head$/.test(f))).toBe(true);
  });
});
