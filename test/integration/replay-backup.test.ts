// Replaying one of the running app's rolling backups through the contract (a file feature: rooms
// keep no rolling backups, so SQLite only, like backup-restore.test.ts): the backup shows the
// operation as it held it, the live replay what came after; only a supervisor may open one.
import { afterEach, describe, expect, it } from 'vitest';
import { startLiveVigie, type LiveVigie } from '../../electron/services/live-vigie.js';
import { createDesk, type Desk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { journalHead } from '../../electron/store/backup.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { fixedClock, iso } from '../../shared/clock.js';
import { ApiError } from '../../shared/errors.js';
import { expectApiError } from '../support/api-error.js';
import { REAL_START } from '../support/app.js';
import { paths, tempDb, tempDir } from '../support/temp.js';
import { signInAs } from '../support/sign-in.js';
import { incident } from '../support/room-server.js';

const running: LiveVigie[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.close();
});

const bag = (title: string) => incident(title) as CallInput<'createIncident'>;

describe('replay of a backup', () => {
  it('shows the operation as the backup holds it, and refuses a desk that may not list backups', async () => {
    const dir = tempDir('vigie-backups-');
    const real = fixedClock(REAL_START);
    const live = startLiveVigie({
      dbPath: tempDb(),
      resourcesDir: paths.resources,
      real,
      backups: { dir, everyMinutes: 0, keep: 5 },
    });
    running.push(live);
    const fallback = createDesk();
    const call = <K extends CallName>(name: K, input: CallInput<K>, d: Desk = fallback): CallOutput<K> => {
      const r = dispatch(live.handlers, name, input, d);
      if (!r.ok) throw new ApiError(r.error);
      return r.value as CallOutput<K>;
    };
    const sup = createDesk();
    const liaison = createDesk();
    signInAs(call, 'supervisor', 'SUP', sup);
    signInAs(call, 'liaison-es', 'L-ES', liaison);
    real.advance(60_000);
    call('createIncident', bag('Before the backup'), sup);
    const taken = await live.rolling().runNow();
    const file = taken.file.slice(dir.length + 1);
    real.advance(60_000);
    call('createIncident', bag('After the backup'), sup);
    const now = iso(live.current().ctx.clock.now());
    const titles = (p: CallOutput<'replayAt'>) => p.incidents.map((i) => i.title);

    const range = call('replayRange', { backup: file }, sup);
    expect(range.backup).toBe(file);
    expect(range.last).not.toBeNull();
    expect((range.last ?? '') < now).toBe(true);
    const fromBackup = call('replayAt', { at: now, backup: file }, sup);
    expect(fromBackup.backup).toBe(file);
    expect(titles(fromBackup)).toContain('Before the backup');
    expect(titles(fromBackup)).not.toContain('After the backup');
    expect(fromBackup.seq).toBe(journalHead(live.current().db).seq - 1);
    expect(titles(call('replayAt', { at: now }, sup))).toContain('After the backup');
    expectApiError(() => call('replayAt', { at: now, backup: file }, liaison), 'forbidden', /listBackups/);
  });
});
