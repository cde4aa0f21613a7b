// Rolling backups as the desktop app runs them: names, pruning to the newest N (other files in the
// folder untouched), settings from flags and environment.
import { describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  backupsToPrune,
  nextCounter,
  rollingBackupName,
  startRollingBackups,
} from '../../electron/backup/rolling.js';
import { backupSettings, BackupSettingsError } from '../../electron/backup/settings.js';
import { summarizeFile } from '../../electron/backup/summary.js';
import { testApp } from '../support/app.js';
import { tempDir } from '../support/temp.js';
import { signInAs } from '../support/sign-in.js';

describe('rolling backups', () => {
  it('name backups by UTC time and prune the oldest beyond the count', () => {
    expect(rollingBackupName(new Date('2026-11-24T08:05:09.123Z'))).toBe('vigie-20261124-080509Z.db');
    expect(rollingBackupName(new Date('2026-11-24T08:05:09Z'), 2)).toBe('vigie-20261124-080509Z-2.db');
    const names = [
      'vigie-20261124-080509Z-1.db',
      'notes.txt',
      'vigie-20261124-080509Z.db',
      'vigie-20261123-235959Z.db',
      'vigie-20261124-090000Z.db',
      'vigie-20261124-080509Z.db.partial-12',
    ];
    expect(backupsToPrune(names, 2)).toEqual(['vigie-20261123-235959Z.db', 'vigie-20261124-080509Z.db']);
    expect(backupsToPrune(names, 10)).toEqual([]);
    // A new same-second backup goes past the highest counter left, never into a pruned gap.
    const at = new Date('2026-11-24T08:05:09Z');
    expect(nextCounter(['vigie-20261124-080509Z-1.db', 'vigie-20261124-080509Z-2.db'], at)).toBe(3);
    expect(nextCounter(['vigie-20261124-080508Z.db', 'notes.txt'], at)).toBe(0);
  });

  it('keep the newest N checked copies and leave other files alone', async () => {
    const t = testApp();
    const dir = tempDir();
    writeFileSync(join(dir, 'keep-me.db'), 'not ours');
    let clock = Date.parse('2026-11-24T08:00:00Z');
    const rolling = startRollingBackups(
      t.app.db,
      { dir, everyMinutes: 0, keep: 3 },
      { now: () => new Date(clock) },
    );
    const heads: number[] = [];
    for (let i = 0; i < 5; i++) {
      signInAs(t.call, i % 2 ? 'officer' : 'supervisor');
      const report = await rolling.runNow();
      expect(report.ok).toBe(true);
      heads.push(report.head.seq);
      clock += 15 * 60_000;
    }
    await rolling.stop();
    const files = readdirSync(dir).sort();
    // Each backup with its head file; a pruned one's went with it.
    expect(files).toEqual([
      'keep-me.db',
      'vigie-20261124-083000Z.db',
      'vigie-20261124-083000Z.db.head',
      'vigie-20261124-084500Z.db',
      'vigie-20261124-084500Z.db.head',
      'vigie-20261124-090000Z.db',
      'vigie-20261124-090000Z.db.head',
    ]);
    expect(summarizeFile(join(dir, 'vigie-20261124-090000Z.db')).head.seq).toBe(heads[4]);
  });

  it('serialize concurrent runs and name same-second backups apart', async () => {
    const t = testApp();
    const dir = tempDir();
    const fixed = () => new Date('2026-11-24T08:00:00Z');
    const rolling = startRollingBackups(t.app.db, { dir, everyMinutes: 0, keep: 5 }, { now: fixed });
    await Promise.all([rolling.runNow(), rolling.runNow()]);
    await rolling.stop();
    expect(readdirSync(dir).sort()).toEqual([
      'vigie-20261124-080000Z-1.db',
      'vigie-20261124-080000Z-1.db.head',
      'vigie-20261124-080000Z.db',
      'vigie-20261124-080000Z.db.head',
    ]);
  });

  it('read their settings from flags, then the environment, then defaults', () => {
    const base = { dbPath: '/data/ops/vigie.db', cwd: '/home/op' };
    expect(backupSettings({ ...base, argv: [], env: {} })).toEqual({
      dir: '/data/ops/backups/vigie',
      everyMinutes: 15,
      keep: 48,
    });
    expect(
      backupSettings({
        ...base,
        argv: ['--backup-dir', 'usb', '--backup-every=5', '--backup-keep', '12'],
        env: { VIGIE_BACKUP_EVERY: '60' },
      }),
    ).toEqual({ dir: '/home/op/usb', everyMinutes: 5, keep: 12 });
    expect(
      backupSettings({ ...base, argv: [], env: { VIGIE_BACKUP_EVERY: '0', VIGIE_BACKUP_DIR: '/mnt/b' } }),
    ).toEqual({
      dir: '/mnt/b',
      everyMinutes: 0,
      keep: 48,
    });
    expect(() => backupSettings({ ...base, argv: ['--backup-keep', '0'], env: {} })).toThrow(
      BackupSettingsError,
    );
    expect(() => backupSettings({ ...base, argv: ['--backup-every', 'often'], env: {} })).toThrow(
      /--backup-every/,
    );
  });
});
