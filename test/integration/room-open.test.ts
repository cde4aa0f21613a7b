// "Open room…" in the main process (electron/room-probe.ts, room-desk.ts, recent-rooms.ts), against
// a real room server (`vigie serve` over TLS with a `vigie room cert` certificate): the connection
// test reads the room's operation with the pinned certificate, and names both fingerprints when the
// pin is wrong, says when nothing answers and when the server is not a Vigie room; opening switches
// the calls and the live feed to the room, remembers it in the settings file, and leaving returns
// to the local file, which is byte for byte as it was. Needs the CLI bundle (npm run build).
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { roomCert } from '../../electron/cli/room-cert.js';
import { recentRooms, MAX_RECENT_ROOMS } from '../../electron/recent-rooms.js';
import { roomDesk } from '../../electron/room-desk.js';
import { testRoom } from '../../electron/room-probe.js';
import { roomSession } from '../../electron/room-session.js';
import { startFeed } from '../../electron/services/feed.js';
import type { RoomProbe } from '../../shared/desktop-bridge.js';
import { testApp } from '../support/app.js';
import { serve } from '../support/serve.js';
import { signInAs, signInInput } from '../support/sign-in.js';
import { paths, tempDb, tempDir } from '../support/temp.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

/** A certificate of `vigie room cert` for 127.0.0.1: its files and its fingerprint. */
type Pair = Record<'cert' | 'key' | 'fingerprint', string>;

async function certificate(): Promise<Pair> {
  let out = '';
  const io = { out: (s: string) => (out += s), err: () => {} };
  expect(await roomCert(['--out', tempDir(), '--name', 'localhost', '--ip', '127.0.0.1'], paths, io)).toBe(0);
  return JSON.parse(out) as Pair;
}

async function room(pair: Pair): Promise<string> {
  const run = await serve(['--listen', '127.0.0.1', '--tls-cert', pair.cert, '--tls-key', pair.key]);
  if (!run.printed) throw new Error(`vigie serve exited ${run.code}: ${run.stderr}`);
  return run.printed.url;
}

async function probe(input: unknown): Promise<RoomProbe> {
  const r = await testRoom(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The bytes of a SQLite database and its write-ahead log, as one digest. */
function fileDigest(db: string): string {
  const h = createHash('sha256');
  for (const f of [db, `${db}-wal`]) if (existsSync(f)) h.update(readFileSync(f));
  return h.digest('hex');
}

const bag = {
  category: 'unattended_bag',
  priority: 2,
  title: 'Sac quai de Conti',
  source: 'cctv',
  lat: 48.8578,
  lon: 2.3372,
};

describe('Test connection', () => {
  it('reads the room with the right pin, names both fingerprints with a wrong one', async () => {
    const pair = await certificate();
    const url = await room(pair);
    const good = await probe({ url, fingerprint: pair.fingerprint.replace(/:/g, '').toLowerCase() });
    expect(good).toMatchObject({ reached: true, url, fingerprint: pair.fingerprint, journalOk: true });
    expect(good.reached && good.operation.name).toMatch(/Paris 2024/);
    expect(good.reached && good.operation.mode).toBe('exercise');

    const other = await certificate();
    const wrong = await probe({ url, fingerprint: other.fingerprint });
    expect(wrong).toMatchObject({
      reached: false,
      reason: 'pin-mismatch',
      fingerprint: other.fingerprint,
      presented: pair.fingerprint,
    });
    expect(!wrong.reached && wrong.detail).toContain(pair.fingerprint);
    expect(!wrong.reached && wrong.detail).toContain(other.fingerprint);
  });

  it('says when nothing answers, and when the server answering is not a Vigie room', async () => {
    const pair = await certificate();
    // A port that was just free: nothing listens there.
    const closed = createServer({ cert: readFileSync(pair.cert), key: readFileSync(pair.key) });
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const down = await probe({ url: `https://127.0.0.1:${port}`, fingerprint: pair.fingerprint });
    expect(down).toMatchObject({ reached: false, reason: 'unreachable', presented: null });
    expect(!down.reached && down.detail).toMatch(/is unreachable \(.*ECONNREFUSED/);

    // The right certificate on a server that is not Vigie's.
    const other = createServer(
      { cert: readFileSync(pair.cert), key: readFileSync(pair.key) },
      (_req, res) => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>It works</h1>');
      },
    );
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise<void>((r) => other.close(() => r())));
    const url = `https://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const foreign = await probe({ url, fingerprint: pair.fingerprint });
    expect(foreign).toMatchObject({ reached: false, reason: 'not-vigie' });
    expect(!foreign.reached && foreign.detail).toMatch(/not as a Vigie room: .*HTTP 404/);
  });

  it('refuses bad input naming the field, before any connection', async () => {
    const r = await testRoom({ url: 'http://room.local:8443', fingerprint: 'AB:CD' });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.error.issues?.map((i) => i.path)).toEqual(['url', 'fingerprint']);
    const none = await testRoom('https://room.local');
    expect(none.ok ? '' : none.error.message).toBe('Open room: url: required');
  });
});

describe('the rooms a desk opened before', () => {
  it('are kept in the settings file, most recent first, one per URL, other settings untouched', () => {
    const file = join(tempDir(), 'settings.json');
    writeFileSync(file, JSON.stringify({ theme: 'night', recentRooms: [{ url: 'nonsense' }] }));
    const recent = recentRooms(file);
    expect(recent.list()).toEqual([]);
    const fp = (n: number) =>
      Array.from({ length: 32 }, () => n.toString(16).padStart(2, '0').toUpperCase()).join(':');
    recent.remember(
      { url: 'https://a.local:8443/', fingerprint: fp(1) },
      'Room A',
      new Date('2026-12-01T10:00:00Z'),
    );
    recent.remember(
      { url: 'https://b.local:8443/', fingerprint: fp(2) },
      'Room B',
      new Date('2026-12-01T11:00:00Z'),
    );
    // Room A again, with a new certificate and while unreachable (no name): its pin is replaced,
    // its name kept.
    recent.remember(
      { url: 'https://a.local:8443/', fingerprint: fp(3) },
      null,
      new Date('2026-12-01T12:00:00Z'),
    );
    const again = recentRooms(file).list();
    expect(again).toEqual([
      {
        url: 'https://a.local:8443/',
        fingerprint: fp(3),
        name: 'Room A',
        openedAt: '2026-12-01T12:00:00.000Z',
      },
      {
        url: 'https://b.local:8443/',
        fingerprint: fp(2),
        name: 'Room B',
        openedAt: '2026-12-01T11:00:00.000Z',
      },
    ]);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { theme: string }).theme).toBe('night');
    for (let i = 0; i < MAX_RECENT_ROOMS + 3; i++)
      recent.remember({ url: `https://r${i}.local/`, fingerprint: fp(i) }, `R${i}`);
    expect(recent.list()).toHaveLength(MAX_RECENT_ROOMS);
    expect(recent.list()[0]?.name).toBe(`R${MAX_RECENT_ROOMS + 2}`);

    writeFileSync(file, '{ not json');
    expect(recentRooms(file).list()).toEqual([]);
  });
});

describe('opening a room and returning to the local file', () => {
  it('switches the calls and the feed to the room, remembers it, and leaves the local file as it was', async () => {
    const pair = await certificate();
    const url = await room(pair);
    // The desk's own file, open as the desktop app holds it, with a signed-in local operator.
    const db = tempDb();
    const local = testApp(db);
    signInAs(local.call, 'officer', 'LOCAL');
    const localFeed = startFeed({ current: () => local.app.db, location: db });
    cleanup.push(() => localFeed.close());
    const localHead = localFeed.head();
    const before = fileDigest(db);

    const settings = join(tempDir(), 'settings.json');
    const desk = roomDesk({
      session: roomSession({ mirrorDir: tempDir() }),
      local: localFeed,
      recent: recentRooms(settings),
    });
    cleanup.push(() => desk.close());
    expect(desk.view()).toEqual({ ok: true, value: { open: null, recent: [] } });
    expect(desk.live()).toBe(localFeed);

    const wrong = await desk.open({ url, fingerprint: (await certificate()).fingerprint });
    expect(wrong.ok ? '' : wrong.error.message).toContain(pair.fingerprint);
    expect(desk.link()).toBeNull();

    expect(await desk.open({ url, fingerprint: pair.fingerprint })).toEqual({
      ok: true,
      value: { url, fingerprint: pair.fingerprint },
    });
    const link = desk.link();
    if (!link) throw new Error('no room open');
    expect(desk.live()).not.toBe(localFeed);
    // The room's own accounts sign in, and a write lands in the room.
    expect((await link.call('signIn', signInInput('officer', 'ROOM-1'))).ok).toBe(true);
    const created = await link.call('createIncident', bag);
    expect(created.ok).toBe(true);
    const view = desk.view();
    expect(view.ok && view.value.open).toEqual({ url, fingerprint: pair.fingerprint });
    const saved = JSON.parse(readFileSync(settings, 'utf8')) as {
      recentRooms: { url: string; name: string }[];
    };
    expect(saved.recentRooms).toMatchObject([{ url, fingerprint: pair.fingerprint }]);
    expect(saved.recentRooms[0]?.name).toMatch(/Paris 2024/);

    const left = desk.leave();
    expect(left.ok && left.value.open).toBeNull();
    expect(left.ok && left.value.recent.map((r) => r.url)).toEqual([url]);
    expect(desk.link()).toBeNull();
    expect(desk.live()).toBe(localFeed);

    // The local file: the same bytes, the same journal head, and no trace of the room's incident.
    expect(fileDigest(db)).toBe(before);
    expect(localFeed.head()).toBe(localHead);
    const incidents = local.call('listIncidents', {});
    expect(JSON.stringify(incidents)).not.toContain(bag.title);
  });
});
