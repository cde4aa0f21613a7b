// Restoring a backup from the console, in Chromium against `vigie serve`: a backup is taken while
// the console runs (the real `vigie backup`, online, into the rolling-backup folder), the data
// changes, then the officer opens Settings → Backups, picks the backup, confirms, and the board
// shows the backup's incidents again; the journal records the restore under the supervisor's name.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rollingBackupName } from '../../electron/backup/rolling.js';
import type { BackupListing } from '../../shared/api/backups.js';
import type { Incident, JournalEntry } from '../../shared/domain.js';
import { DEMO } from '../support/sign-in.js';
import { paths } from '../support/temp.js';
import { artifact, closeDesk, openSignedInDesk, type Console, type HostApi, type Served } from './harness.js';

let served: Served;
let ui: Console;
let api: HostApi;

// Restoring is a supervisor's call.
beforeAll(async () => ({ served, ui, api } = await openSignedInDesk('supervisor')));
afterAll(() => closeDesk({ served, ui }));

const row = (page: Page, ref: string) =>
  page.locator(`[data-testid="incident-row"][data-reference="${ref}"]`);

const incident = (title: string) => ({
  category: 'unattended_bag',
  priority: 2,
  title,
  source: 'cctv',
  locationText: 'Pont Neuf, north end',
});

describe('restoring a backup from the console', () => {
  it('restores the chosen backup after confirmation and the board shows its data', async () => {
    const { page } = ui;
    const kept = await api<Incident>('createIncident', incident('Kept by the backup'));

    // `vigie serve` keeps its rolling backups in backups/<db name>/ beside the database.
    const name = rollingBackupName(new Date());
    const cli = spawnSync(
      process.execPath,
      [
        join(paths.root, 'electron/bin/vigie.mjs'),
        'backup',
        '--db',
        served.db,
        '--out',
        join(dirname(served.db), 'backups', 'vigie', name),
      ],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);

    await api<Incident>('updateIncident', { id: kept.id, version: kept.version, title: 'Edited after' });
    const lost = await api<Incident>('createIncident', incident('Created after the backup'));
    await page.getByTestId('tab-incidents').click();
    await row(page, lost.reference).waitFor({ timeout: 30_000 });

    await page.getByTestId('open-settings').click();
    await page.getByTestId('open-backups').click();
    const backup = page.locator(`[data-testid="backup-row"][data-file="${name}"]`);
    await backup.waitFor();
    await page.screenshot({ path: artifact('backups-list.png') });

    // Cancel first: nothing happens.
    await backup.getByTestId('backup-restore').click();
    const confirm = page.getByTestId('backup-confirm-step');
    await confirm.waitFor();
    expect(await confirm.innerText()).toMatch(/Restore the backup taken .*\?/);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await backup.waitFor();
    const [last] = await api<JournalEntry[]>('listJournal', { limit: 1 });
    expect(last?.action).not.toBe('backup.restored');

    await backup.getByTestId('backup-restore').click();
    await confirm.waitFor();
    await page.screenshot({ path: artifact('backup-confirm.png') });
    await Promise.all([page.waitForEvent('load'), page.getByTestId('backup-confirm').click()]);

    // The page reloads, says what happened, and reads the restored data.
    const notice = page.getByTestId('notice');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.innerText()).toMatch(/restored.*before-restore\.db/);
    await page.getByTestId('tab-incidents').click();
    await row(page, kept.reference).waitFor({ timeout: 30_000 });
    expect(await row(page, kept.reference).innerText()).toContain('Kept by the backup');
    expect(await row(page, lost.reference).count()).toBe(0);
    expect(await page.getByTestId('operator').innerText()).toContain(DEMO.supervisor.name);
    await page.screenshot({ path: artifact('backup-restored.png') });

    const [entry] = await api<JournalEntry[]>('listJournal', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'backup.restored',
      entityId: name,
      operator: DEMO.supervisor.name,
    });
    const listing = await api<BackupListing>('listBackups', {});
    expect(listing.backups.map((b) => b.kind).sort()).toEqual(['rolling', 'safety']);
    expect((await api<{ ok: boolean }>('verify', {})).ok).toBe(true);
    expect(ui.pageErrors).toEqual([]);
    expect(ui.offMachine).toEqual([]);
  });
});
