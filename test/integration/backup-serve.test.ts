// `vigie serve` keeps rolling backups like the desktop app: the same scheduler, the same settings
// (--backup-dir, --backup-every, --backup-keep), files appearing on each interval and capped at the
// count, listed by the host's listBackups; stopping the server stops the schedule. A restore from
// a browser keeps the browsers signed in: their sessions are not the backup's data.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { main } from '../../electron/cli.js';
import { startServing, type Serving } from '../../electron/cli/serve.js';
import type { BackupListing } from '../../shared/api/backups.js';
import { paths, tempDb, tempDir } from '../support/temp.js';
import { hostClient } from '../support/host-client.js';

const io = { out: () => undefined, err: () => undefined };

/** The app's paths with a stand-in renderer, so the test needs no build. */
function appPaths() {
  const renderer = tempDir();
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Vigie</title>');
  return { ...paths, renderer };
}

const until = async (ok: () => boolean, what: string) => {
  const end = Date.now() + 20_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

let serving: Serving | undefined;
afterEach(async () => {
  await serving?.stop();
  serving = undefined;
  vi.useRealTimers();
});

describe('vigie serve', () => {
  it('takes a rolling backup every interval, keeps the newest N, and stops with the server', async () => {
    // Only the schedule's clock is faked: the copies themselves run for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const dir = tempDir('vigie-backups-');
    const args = ['--db', tempDb(), '--port', '0', '--backup-dir', dir];
    serving = await startServing([...args, '--backup-every', '5', '--backup-keep', '2'], appPaths(), io);
    const s = serving;
    expect(s.backups).toEqual({ dir, everyMinutes: 5, keep: 2 });
    // The backups; each has its head file beside it (checked below).
    const files = () =>
      readdirSync(dir)
        .filter((f) => !f.endsWith('.head'))
        .sort();
    expect(files()).toEqual([]);

    const seen = new Set<string>();
    const counts: number[] = [];
    for (let tick = 1; tick <= 4; tick++) {
      vi.advanceTimersByTime(5 * 60_000 - 1);
      expect(s.live.rolling().busy(), 'not before the interval').toBe(false);
      vi.advanceTimersByTime(1);
      expect(s.live.rolling().busy()).toBe(true);
      await until(() => !s.live.rolling().busy(), `backup ${tick}`);
      for (const f of files()) seen.add(f);
      counts.push(files().length);
    }
    expect(seen.size, 'one new file per interval').toBe(4);
    expect(counts).toEqual([1, 2, 2, 2]);
    for (const f of files()) expect(f).toMatch(/^vigie-\d{8}-\d{6}Z(-\d+)?\.db$/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.head'))).toEqual(files().map((f) => `${f}.head`));

    // The host lists them to a signed-in desk, newest first.
    // (listBackups is a supervisor's call.)
    const browser = hostClient(s.host.url);
    await browser.signIn('supervisor', 'D1');
    const listed = await browser.call('listBackups', {});
    expect(listed.status).toBe(200);
    const listing = listed.body as BackupListing;
    expect(listing).toMatchObject({ dir, everyMinutes: 5, keep: 2 });
    expect(listing.backups.map((b) => b.file).sort()).toEqual(files());
    expect(listing.backups.every((b) => b.kind === 'rolling' && b.incidents !== null)).toBe(true);

    await s.stop();
    serving = undefined;
    vi.advanceTimersByTime(60 * 60_000);
    expect(s.live.rolling().busy(), 'no tick after stop').toBe(false);
    expect(files()).toHaveLength(2);
    await expect(fetch(s.host.url)).rejects.toThrow();
  });

  it('refuses bad backup settings with the flag named, before opening anything', async () => {
    const err: string[] = [];
    const db = tempDb();
    const code = await main(
      ['serve', '--db', db, '--port', '0', '--backup-every', 'often'],
      { out: () => undefined, err: (s) => err.push(s) },
      appPaths(),
    );
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/--backup-every: expected an integer/);
  });

  it('keeps every browser signed in across a restore from one of them', async () => {
    const dir = tempDir('vigie-backups-');
    serving = await startServing(['--db', tempDb(), '--port', '0', '--backup-dir', dir], appPaths(), io);
    const s = serving;
    const before = hostClient(s.host.url);
    await before.signIn('officer', 'D2');
    const { file } = await s.live.rolling().runNow();
    // Signed in after the backup: the backup's sessions table does not know this browser.
    const browser = hostClient(s.host.url);
    await browser.signIn('supervisor', 'D1');
    const restored = await browser.call('restoreBackup', { file: basename(file), confirm: true });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect((await browser.call('listBackups')).status).toBe(200);
    expect((await before.call('listUnits')).status).toBe(200);
    const rows = s.live.current().db.prepare('SELECT desk FROM host_sessions ORDER BY desk').all();
    expect(rows).toEqual([{ desk: 'D1' }, { desk: 'D2' }]);
  });
});
