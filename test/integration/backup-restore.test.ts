// Restoring a rolling backup from the console (listBackups, restoreBackup) under the running app:
// the content comes back exactly as the backup held it, the data it replaced is kept as a safety
// backup, the restore is journaled in the restored database and the chain verifies. Refusals (no
// confirmation, a name that is not listed, a damaged backup) replace nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startLiveVigie, type LiveVigie } from '../../electron/services/live-vigie.js';
import { createDesk, type Desk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { summarizeFile } from '../../electron/backup/summary.js';
import { journalHead, tableCounts } from '../../electron/store/backup.js';
import { basemapSlot } from '../../electron/tiles/slot.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { fixedClock } from '../../shared/clock.js';
import { ApiError } from '../../shared/errors.js';
import { expectApiError } from '../support/api-error.js';
import { REAL_START, testApp } from '../support/app.js';
import { journalRows } from '../support/journal-rows.js';
import { paths, tempDb, tempDir } from '../support/temp.js';
import { addPerson, signInInput } from '../support/sign-in.js';

// Restores are a supervisor's call: both people here are supervisors, with accounts made before
// any backup is taken (so a restored database still knows them).
const officer = { name: 'Capt. Élise Moreau', desk: 'D1' };
const relief = { name: 'Lt. Hugo Bernard', desk: 'D1' };
const bag: CallInput<'createIncident'> = {
  category: 'unattended_bag',
  priority: 2,
  title: 'Unattended bag, Quai de Conti',
  source: 'cctv',
  lat: 48.8578,
  lon: 2.3372,
};
const ring: [number, number][] = [
  [2.34, 48.857],
  [2.342, 48.857],
  [2.342, 48.858],
  [2.34, 48.858],
  [2.34, 48.857],
];

const running: LiveVigie[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.close();
});

function liveApp() {
  const dbPath = tempDb();
  const dir = tempDir('vigie-backups-');
  const real = fixedClock(REAL_START);
  const live = startLiveVigie({
    dbPath,
    resourcesDir: paths.resources,
    real,
    backups: { dir, everyMinutes: 0, keep: 5 },
  });
  running.push(live);
  const accounts = {
    officer: addPerson(live.current().ctx, officer.name, 'supervisor'),
    relief: addPerson(live.current().ctx, relief.name, 'supervisor'),
  };
  const desk = createDesk();
  const call = <K extends CallName>(name: K, input: CallInput<K>, d: Desk = desk): CallOutput<K> => {
    const r = dispatch(live.handlers, name, input, d);
    if (!r.ok) throw new ApiError(r.error);
    return r.value as CallOutput<K>;
  };
  const signIn = (who: keyof typeof accounts) => call('signIn', signInInput(accounts[who], 'D1'));
  return { live, dbPath, dir, real, desk, call, signIn };
}

const state = (live: LiveVigie) => ({
  head: journalHead(live.current().db),
  counts: tableCounts(live.current().db),
});

describe('restoring a backup from the console', () => {
  it('brings back exactly the backup content, keeps a safety backup and journals the restore', async () => {
    const t = liveApp();
    t.signIn('officer');
    const a = t.call('createIncident', bag);
    const b = t.call('createIncident', { ...bag, title: 'Crowd surge at gate B', priority: 1 });
    const zone = t.call('createZone', {
      name: 'Pont Neuf perimeter',
      kind: 'security_perimeter',
      color: '#F59E0B',
      polygon: [ring],
    });
    const taken = await t.live.rolling().runNow();
    const backupName = taken.file.slice(t.dir.length + 1);
    const atBackup = journalRows(taken.file);

    // After the backup: another officer takes the desk, edits, cancels, creates, deletes.
    t.real.advance(60_000);
    t.signIn('relief');
    t.call('updateIncident', { id: a.id, version: a.version, title: 'Edited after the backup' });
    t.call('transitionIncident', { id: b.id, version: b.version, action: 'cancel', reason: 'false alarm' });
    const c = t.call('createIncident', { ...bag, title: 'Created after the backup' });
    t.call('deleteZone', { id: zone.id, version: zone.version });
    const replaced = journalHead(t.live.current().db);

    const listing = t.call('listBackups', {});
    expect(listing).toMatchObject({ dir: t.dir, everyMinutes: 0, keep: 5 });
    expect(listing.backups).toEqual([
      {
        file: backupName,
        kind: 'rolling',
        takenAt: '2026-11-24T08:00:00Z',
        bytes: taken.bytes,
        incidents: taken.counts.incidents,
        units: taken.counts.units,
        journalSeq: taken.head.seq,
      },
    ]);

    const result = t.call('restoreBackup', { file: backupName, confirm: true });
    expect(result).toMatchObject({
      restored: backupName,
      incidents: taken.counts.incidents,
      units: taken.counts.units,
    });

    // The content is the backup's, served by the same handlers without a restart.
    const incidents = t.call('listIncidents', { includeClosed: true });
    expect(incidents.find((i) => i.id === a.id)?.title).toBe(bag.title);
    expect(incidents.find((i) => i.id === b.id)?.status).toBe('new');
    expect(incidents.some((i) => i.id === c.id)).toBe(false);
    expect(t.call('listZones', {}).map((z) => z.id)).toContain(zone.id);

    // The journal is the backup's, then one entry for the restore; the chain verifies.
    const db = t.live.current().db;
    const rows = journalRows(db.location);
    expect(rows.slice(0, atBackup.length)).toEqual(atBackup);
    expect(rows).toHaveLength(atBackup.length + 1);
    const [entry] = t.call('listJournal', { limit: 1 });
    expect(entry).toMatchObject({
      seq: result.journalSeq,
      action: 'backup.restored',
      operator: relief.name,
      desk: relief.desk,
      entityId: backupName,
      data: {
        backup: backupName,
        backupJournal: taken.head,
        safetyBackup: result.safetyBackup,
        replacedJournal: replaced,
      },
    });
    expect(t.call('verify', {})).toMatchObject({ ok: true, integrity: 'ok', journal: { ok: true } });
    expect(t.call('getSession', {})).toMatchObject({ operator: { name: relief.name }, journalOk: true });

    // Apart from the restore entry and the sign-in row of the officer still on watch (who signed in
    // after the backup), every table is the backup's.
    const counts = tableCounts(db);
    expect({ ...counts, journal: (counts.journal ?? 0) - 1, operators: (counts.operators ?? 0) - 1 }).toEqual(
      taken.counts,
    );

    // The safety backup holds the data as it was just before, checked; it is listed too.
    expect(result.safetyBackup).toBe('vigie-20261124-080100Z-before-restore.db');
    const safety = summarizeFile(join(t.dir, result.safetyBackup));
    expect(safety).toMatchObject({ ok: true, head: replaced });
    expect(t.call('listBackups', {}).backups.map((x) => [x.file, x.kind])).toEqual([
      [result.safetyBackup, 'safety'],
      [backupName, 'rolling'],
    ]);

    // The desk keeps working on the restored data, and a reference issued before the restore (c's,
    // on an incident the restore took away) is never issued again.
    const d = t.call('createIncident', { ...bag, title: 'After the restore' });
    expect(t.call('getIncident', { id: d.id }).incident.title).toBe('After the restore');
    const seq = (ref: string) => Number(ref.split('-').at(-1));
    expect(seq(d.reference)).toBe(seq(c.reference) + 1);
    expect(entry?.data).toMatchObject({
      referencesKept: { [c.reference.split('-')[1] ?? '']: seq(c.reference) },
    });
    expect(readdirSync(t.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('can undo a restore by restoring the safety backup', async () => {
    const t = liveApp();
    t.signIn('officer');
    const taken = await t.live.rolling().runNow();
    t.real.advance(1000);
    const later = t.call('createIncident', { ...bag, title: 'Kept by the undo' });
    const map = basemapSlot(t.live.current().db);
    const first = t.call('restoreBackup', { file: taken.file.slice(t.dir.length + 1), confirm: true });
    expect(t.call('listIncidents', {}).some((i) => i.id === later.id)).toBe(false);
    t.real.advance(1000);
    t.call('restoreBackup', { file: first.safetyBackup, confirm: true });
    expect(t.call('listIncidents', {}).some((i) => i.id === later.id)).toBe(true);
    expect(t.call('verify', {}).ok).toBe(true);
    // The running base map (served by the host's tile routes) follows the reopened database.
    expect(basemapSlot(t.live.current().db)).toBe(map);
  });

  it('refuses without a signed-in operator, without confirmation, or a name it does not list', async () => {
    const t = liveApp();
    const taken = await t.live.rolling().runNow();
    const name = taken.file.slice(t.dir.length + 1);
    writeFileSync(join(t.dir, 'notes.db'), 'not a backup of ours');
    expectApiError(() => t.call('listBackups', {}), 'unauthorized', /Sign in/);
    expectApiError(() => t.call('restoreBackup', { file: name, confirm: true }), 'unauthorized', /Sign in/);
    // A watch officer may not restore either: it is a supervisor's call.
    t.call('signIn', signInInput('officer'));
    expectApiError(() => t.call('listBackups', {}), 'forbidden', /supervisor/);
    expectApiError(() => t.call('restoreBackup', { file: name, confirm: true }), 'forbidden', /supervisor/);
    t.signIn('officer');
    const before = state(t.live);
    const files = readdirSync(t.dir).sort();

    const noConfirm = expectApiError(
      () => t.call('restoreBackup', { file: name, confirm: false as true }),
      'invalid_input',
    );
    expect(noConfirm.issues?.[0]?.path).toBe('confirm');
    for (const file of [
      'vigie-20991231-000000Z.db',
      'notes.db',
      `../${name}`,
      join(t.dir, name),
      '../vigie.db',
      '/etc/passwd',
    ]) {
      const e = expectApiError(() => t.call('restoreBackup', { file, confirm: true }), 'invalid_input');
      expect(
        e.issues?.map((i) => i.path),
        file,
      ).toEqual(['file']);
    }
    expect(state(t.live)).toEqual(before);
    expect(readdirSync(t.dir).sort()).toEqual(files);
  });

  it('refuses a damaged backup or a broken journal chain before anything is replaced', async () => {
    const t = liveApp();
    t.signIn('officer');
    const taken = await t.live.rolling().runNow();
    t.call('createIncident', bag);
    // Not a database at all, under a rolling backup's name.
    writeFileSync(join(t.dir, 'vigie-20261124-070000Z.db'), Buffer.alloc(8192, 0x5a));
    // A real copy whose journal was edited afterwards: its chain no longer verifies.
    const tampered = join(t.dir, 'vigie-20261124-070500Z.db');
    copyFileSync(taken.file, tampered);
    const raw = new Database(tampered);
    raw.exec('DROP TRIGGER journal_no_update');
    raw.prepare("UPDATE journal SET operator = 'someone else' WHERE seq = 1").run();
    raw.close();

    const before = state(t.live);
    const files = readdirSync(t.dir).sort();
    const listed = t.call('listBackups', {}).backups;
    expect(listed.find((b) => b.file === 'vigie-20261124-070000Z.db')).toMatchObject({
      incidents: null,
      units: null,
      journalSeq: null,
    });
    for (const [file, why] of [
      ['vigie-20261124-070000Z.db', /not a (readable Vigie )?database|Cannot open/],
      ['vigie-20261124-070500Z.db', /journal chain broken at entry 1/],
    ] as const) {
      const e = expectApiError(() => t.call('restoreBackup', { file, confirm: true }), 'invalid_input', why);
      expect(e.issues?.[0]?.path).toBe('file');
    }
    expect(state(t.live)).toEqual(before);
    expect(readdirSync(t.dir).sort(), 'no safety backup either').toEqual(files);
    expect(existsSync(`${t.dbPath}.restoring-${process.pid}`)).toBe(false);
  });

  it('keeps serving the data as it was when the file cannot be replaced (open in another program)', async () => {
    const t = liveApp();
    t.signIn('officer');
    const taken = await t.live.rolling().runNow();
    const kept = t.call('createIncident', { ...bag, title: 'Not lost' });
    const other = new Database(t.dbPath);
    try {
      other.prepare('SELECT count(*) FROM incidents').get();
      const before = state(t.live);
      expectApiError(
        () => t.call('restoreBackup', { file: taken.file.slice(t.dir.length + 1), confirm: true }),
        'conflict',
        /open in another Vigie.*as it was/,
      );
      expect(state(t.live)).toEqual(before);
    } finally {
      other.close();
    }
    expect(t.call('getIncident', { id: kept.id }).incident.title).toBe('Not lost');
    expect(t.call('listBackups', {}).backups.map((b) => b.kind)).toEqual(['safety', 'rolling']);
    expect(t.call('verify', {}).ok).toBe(true);
  });

  it('refuses while a rolling backup is being copied', async () => {
    const t = liveApp();
    t.signIn('officer');
    const first = await t.live.rolling().runNow();
    const copying = t.live.rolling().runNow();
    expectApiError(
      () => t.call('restoreBackup', { file: first.file.slice(t.dir.length + 1), confirm: true }),
      'conflict',
      /rolling backup is being written/,
    );
    await copying;
  });

  it('lists nothing and restores nothing in a Vigie opened without rolling backups', () => {
    const t = testApp();
    t.call('signIn', signInInput('supervisor'));
    expect(t.call('listBackups', {})).toEqual({ dir: null, everyMinutes: 0, keep: 0, backups: [] });
    expectApiError(
      () => t.call('restoreBackup', { file: 'vigie-20261124-080000Z.db', confirm: true }),
      'conflict',
    );
  });
});
