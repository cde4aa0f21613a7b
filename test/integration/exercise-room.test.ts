// Exercise control as the servers run it, on both engines: the inject scheduler of startLiveVigie
// plays an inject in at its time by the exercise clock (a controllable real clock), and a second
// server on the database follows a pause made on the first through the journal's feed (as
// `vigie serve` wires it: clockFollowsFeed).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../shared/clock.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { startFeed, type JournalFeed } from '../../electron/services/feed.js';
import { clockFollowsFeed, startLiveVigie, type LiveVigie } from '../../electron/services/live-vigie.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { ApiError } from '../../shared/errors.js';
import { REAL_START } from '../support/app.js';
import { testDatabase } from '../support/backend.js';
import { signInAs } from '../support/sign-in.js';
import { paths, tempDir } from '../support/temp.js';

const MIN = 60_000;
const running: (LiveVigie | JournalFeed)[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.close();
});

function server(dbPath: string) {
  const real = fixedClock(REAL_START);
  const live = startLiveVigie({
    dbPath,
    resourcesDir: paths.resources,
    real,
    backups: { dir: tempDir('vigie-backups-'), everyMinutes: 0, keep: 1 },
    headFile: null,
    injectEveryMs: 20,
  });
  running.push(live);
  const desk = createDesk();
  const call = <K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> => {
    const r = dispatch(live.handlers, name, input, desk);
    if (!r.ok) throw new ApiError(r.error);
    return r.value as CallOutput<K>;
  };
  signInAs(call, 'supervisor', 'SUP');
  return { live, real, call, now: () => live.current().ctx.clock.now() };
}

describe('exercise control on running servers', () => {
  it('the scheduler plays an inject in at its time, and none while the clock is paused', async () => {
    const s = server(testDatabase());
    const status = (id: string) => s.call('listInjects', {}).find((i) => i.id === id)?.status;
    s.real.advance(9 * MIN);
    await new Promise((r) => setTimeout(r, 200));
    expect(status('trocadero-gate-crowd')).toBe('pending');
    s.real.advance(MIN);
    await vi.waitFor(() => expect(status('trocadero-gate-crowd')).toBe('fired'), { timeout: 10_000 });
    s.call('controlExerciseClock', { action: 'pause', version: 0 });
    s.real.advance(60 * MIN);
    await new Promise((r) => setTimeout(r, 200));
    expect(status('storm-warning')).toBe('pending');
    s.call('controlExerciseClock', { action: 'resume', version: 1 });
    s.real.advance(10 * MIN);
    await vi.waitFor(() => expect(status('storm-warning')).toBe('fired'), { timeout: 10_000 });
  });

  it('a second server follows a pause made on the first through the feed', async () => {
    const dbPath = testDatabase();
    const a = server(dbPath);
    const b = server(dbPath);
    const feed = startFeed({ current: () => b.live.current().db, location: dbPath, pollMs: 20 });
    running.push(feed);
    const stop = clockFollowsFeed(feed, b.live);
    a.real.advance(MIN);
    b.real.advance(MIN);
    a.call('controlExerciseClock', { action: 'pause', version: 0 });
    const frozen = a.now();
    b.real.advance(5 * MIN);
    await vi.waitFor(() => expect(b.now()).toBe(frozen), { timeout: 10_000 });
    b.real.advance(5 * MIN);
    expect(b.now()).toBe(frozen);
    stop();
  });
});
