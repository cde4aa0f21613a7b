// The desktop's live feed (electron/live-events.ts): the long poll the renderer makes over IPC.
// On a desk's own database (both engines): it answers at once when entries are waiting, waits for
// the next commit otherwise, and after a quiet spell answers with nothing new. From a room server
// (TLS, pinned client): the same answers, fed by the server's event stream.
import { afterEach, describe, expect, it } from 'vitest';
import { roomCert } from '../../electron/cli/room-cert.js';
import { nextBatch, roomLiveSource } from '../../electron/live-events.js';
import { openRoomClient } from '../../electron/room-client.js';
import { startFeed } from '../../electron/services/feed.js';
import type { Unit } from '../../shared/domain.js';
import type { LiveEntry } from '../../shared/live.js';
import { testApp } from '../support/app.js';
import { testDatabase } from '../support/backend.js';
import { serve } from '../support/serve.js';
import { paths, tempDir } from '../support/temp.js';
import { signInAs, signInInput } from '../support/sign-in.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

const bag = {
  category: 'unattended_bag' as const,
  priority: 2 as const,
  title: 'Sac abandonné quai de Conti',
  source: 'cctv' as const,
  lat: 48.8578,
  lon: 2.3372,
};

describe('the desktop live feed on the desk’s own database', () => {
  it('answers waiting entries at once, waits for the next commit, and times out empty', async () => {
    const db = testDatabase();
    const t = testApp(db);
    signInAs(t.call, 'officer', 'D1');
    const feed = startFeed({ current: () => t.app.db, location: db });
    cleanup.push(() => feed.close());

    const first = await nextBatch(feed, null);
    expect(first.entries).toEqual([]);
    const start = first.head;

    const a = t.call('createIncident', bag);
    const waiting = await nextBatch(feed, start);
    expect(waiting.entries.map((e) => e.entityId)).toContain(a.id);
    expect(waiting.entries[0]?.seq).toBe(start + 1);

    // Nothing waiting: the answer comes with the next commit.
    const pending = nextBatch(feed, waiting.head);
    setTimeout(() => t.call('createIncident', { ...bag, title: 'Second' }), 50);
    const next = await pending;
    expect(next.entries).toHaveLength(1);
    expect(next.entries[0]).toMatchObject({ action: 'incident.created', desk: 'D1', seq: waiting.head + 1 });

    const quiet = await nextBatch(feed, next.head, 100);
    expect(quiet).toMatchObject({ head: next.head, entries: [], reload: false, room: { state: 'ok' } });
  });
});

describe('the desktop live feed from a room server', () => {
  it('brings a write made through another client of the room, over the pinned connection', async () => {
    let out = '';
    const dir = tempDir();
    await roomCert(['--out', dir, '--name', 'localhost', '--ip', '127.0.0.1'], paths, {
      out: (s) => (out += s),
      err: () => {},
    });
    const pair = JSON.parse(out) as { cert: string; key: string; fingerprint: string };
    const run = await serve(['--listen', '127.0.0.1', '--tls-cert', pair.cert, '--tls-key', pair.key]);
    if (!run.printed) throw new Error(`vigie serve exited ${run.code}: ${run.stderr}`);
    const desk = openRoomClient({ url: run.printed.url, fingerprint: pair.fingerprint });
    const other = openRoomClient({ url: run.printed.url, fingerprint: pair.fingerprint });
    // The room's live feed is for signed-in desks only.
    const signedIn = await desk.call('signIn', signInInput('officer', 'D1'));
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const live = roomLiveSource(desk);
    cleanup.push(
      () => desk.close(),
      () => other.close(),
      () => live.close(),
    );
    const first = await nextBatch(live, null, 5000);
    await expect.poll(() => live.head(), { timeout: 5000 }).toBeGreaterThan(0);
    const start = live.head();
    expect(first.room.state).toBe('ok');

    expect((await other.call('signIn', signInInput('supervisor', 'D2'))).ok).toBe(true);
    const made = await other.call('createIncident', bag);
    if (!made.ok) throw new Error(made.error.message);
    const id = (made.value as { id: string }).id;
    let after = start;
    let seen = false;
    for (let i = 0; i < 10 && !seen; i++) {
      const b = await nextBatch(live, after, 3000);
      seen = b.entries.some((e) => e.entityId === id);
      after = b.head;
    }
    expect(seen).toBe(true);

    // A unit moved at the other desk reaches this one with its position, as the room sent it for
    // this desk's session (the desktop's renderer applies it without a units read).
    const units = await other.call('listUnits', {});
    if (!units.ok) throw new Error(units.error.message);
    const unit = (units.value as Unit[]).find((u) => u.lat !== null) as Unit;
    const moved = await other.call('moveUnit', {
      id: unit.id,
      version: unit.version,
      lat: 48.8611,
      lon: 2.3364,
      source: 'tracker',
    });
    if (!moved.ok) throw new Error(moved.error.message);
    let move: LiveEntry['move'];
    for (let i = 0; i < 10 && !move; i++) {
      const b = await nextBatch(live, after, 3000);
      move = b.entries.find((e) => e.action === 'unit.moved' && e.entityId === unit.id)?.move;
      after = b.head;
    }
    expect(move).toMatchObject({
      lat: 48.8611,
      lon: 2.3364,
      positionSource: 'tracker',
      version: (moved.value as Unit).version,
    });
  });
});
