// A desk keeps its own copy of its room: a real `vigie serve` room server (TLS, pinned) on a
// throwaway PostgreSQL, a desktop room session with a mirror folder. The copy follows the room,
// answers reads when the room is gone (with its age), refuses writes without touching the copy,
// and catches up when the room is back. Needs the CLI bundle (npm run build).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRoomClient } from '../../electron/room-client.js';
import { roomSession } from '../../electron/room-session.js';
import type { SessionView } from '../../shared/api/session.js';
import type { HandoverReport } from '../../shared/report/model.js';
import type { HandoverExport, HandoverSummary, HandoverWindow } from '../../shared/api/handover.js';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { journalRows } from '../support/journal-rows.js';
import { testApp } from '../support/app.js';
import { DEMO, signInAs, signInInput } from '../support/sign-in.js';
import { snapshotSource } from '../../electron/host/snapshot.js';
import { tempDir } from '../support/temp.js';
import { certificate, incident, ok, room, until } from '../support/room-server.js';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.close());

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

const roomHead = (db: string) =>
  Number(cluster.psql(new URL(db).pathname.slice(1), 'SELECT max(seq) FROM journal').trim());

describe('a desk’s own copy of its room', () => {
  it('follows the room, reads and exports offline, refuses writes, and catches up', async () => {
    const pair = await certificate();
    const db = cluster.createDatabase('mirror');
    const first = await room(db, pair);

    const rooms = roomSession({ mirrorDir: tempDir() });
    cleanup.push(() => rooms.leave());
    expect((await rooms.open({ url: first.url, fingerprint: pair.fingerprint })).ok).toBe(true);
    const link = rooms.link();
    if (!link) throw new Error('no room link');

    await ok(link, 'signIn', signInInput('officer', 'D1'));
    await ok(link, 'createIncident', incident('Sac abandonné quai de Conti'));
    const window = await ok<HandoverWindow>(link, 'suggestHandoverWindow');
    // The supervisor takes the desk over by signing in on it: from now on the desk is theirs.
    const acked = await ok<{ handover: HandoverSummary }>(link, 'acknowledgeHandover', {
      from: window.from,
      to: window.to,
      incomingLogin: DEMO.supervisor.login,
      incomingPassphrase: DEMO.supervisor.passphrase,
    });
    expect(acked.handover).toMatchObject({
      outgoing: { name: DEMO.officer.name },
      incoming: { name: DEMO.supervisor.name },
    });

    // The copy reaches the room's head; asked again after it, the room says nothing moved.
    const head = roomHead(db);
    const state = await until(() => (rooms.mirror()?.head?.seq === head ? rooms.mirror() : null), 'the copy');
    expect(journalRows(state.file).at(-1)?.seq).toBe(head);
    const client = rooms.current();
    if (!client) throw new Error('no room client');
    const probe = join(tempDir(), 'probe.db');
    expect((await client.download(`snapshot?after=${head}`, probe)).status).toBe(304);
    expect(existsSync(probe)).toBe(false);
    const full = await client.download('snapshot', probe);
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('application/vnd.sqlite3');
    expect(String(full.headers['x-vigie-head'])).toBe(`${head} ${journalRows(probe).at(-1)?.hash}`);

    // The room goes away: reads come from the copy, which says how old it is.
    await first.kill();
    const listed = await ok<{ title: string }[]>(link, 'listIncidents');
    expect(listed.map((i) => i.title)).toContain('Sac abandonné quai de Conti');
    const session = await ok<SessionView>(link, 'getSession');
    expect(session.room).toMatchObject({ connected: false, copyAt: state.refreshedAt });
    expect(session.room?.lostSince).toBeTruthy();
    expect(session.operator?.name).toBe(DEMO.supervisor.name);
    const pdf = await ok<HandoverExport>(link, 'exportHandover', { id: acked.handover.id, format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The after-action report is computed from the copy: the incident made before the room went.
    const review = await ok<HandoverExport>(link, 'exportAfterAction', {
      from: window.from,
      to: window.to,
      format: 'json',
    });
    expect(Buffer.from(review.base64, 'base64').toString('utf8')).toContain('Sac abandonné quai de Conti');
    // The copy previews the next handover, the room's operator of the desk as the outgoing.
    const preview = await ok<HandoverReport>(link, 'previewHandover', {
      from: window.from,
      to: window.to,
      incomingName: 'Lt. Roux',
    });
    expect(preview.header).toMatchObject({
      outgoing: { name: DEMO.supervisor.name },
      incoming: { name: 'Lt. Roux' },
    });
    expect(preview.status).toBe('preview');

    // A write is refused, plainly, and the copy is left as it was.
    const before = readFileSync(state.file);
    const refused = await link.call('createIncident', incident('Colis suspect Pont Neuf'));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('forbidden');
      expect(refused.error.message).toMatch(
        /^The room is unreachable since \d\d:\d\d: this desk shows its local copy of \d\d:\d\d, read-only; the change was not made\.$/,
      );
    }
    expect(journalRows(state.file).at(-1)?.seq).toBe(head);
    expect(readFileSync(state.file).equals(before)).toBe(true);

    // Meanwhile another server of the room takes a write; when the desk's server is back, the copy
    // catches up and the calls go to the room again.
    const second = await room(db, pair);
    const other = openRoomClient({ url: second.url, fingerprint: pair.fingerprint });
    cleanup.push(() => other.close());
    await ok(other, 'signIn', signInInput('officer', 'D2'));
    await ok(other, 'createIncident', incident('Malaise spectateur tribune nord'));
    const moved = roomHead(db);
    expect(moved).toBeGreaterThan(head);
    await room(db, pair, new URL(first.url).port);
    // A restarted server still knows who sits at the desk (the sessions live in the room's
    // database): once the room answers again the desk carries on, and its copy catches up.
    const back = await until(async () => {
      const s = await ok<SessionView>(link, 'getSession');
      return s.room?.connected ? s : null;
    }, 'the room to answer again');
    expect(back.room).toMatchObject({ connected: true, lostSince: null });
    expect(back.operator).toMatchObject({ name: DEMO.supervisor.name, desk: 'D1' });
    await until(() => (rooms.mirror()?.head?.seq ?? 0) >= moved, 'the copy to catch up');
    // By the journal's rows from its last sequence: the first snapshot was the only one.
    expect(rooms.mirror()?.fetched).toMatchObject({ snapshots: 1, refused: 0 });
    const titles = (await ok<{ title: string }[]>(link, 'listIncidents')).map((i) => i.title);
    expect(titles).toContain('Malaise spectateur tribune nord');
    await ok(link, 'createIncident', incident('Colis suspect Pont Neuf'));
  }, 120_000);
});

describe('a desk reopening its room during an outage', () => {
  it('opens on its copy, read-only, when the room does not answer; a room it has no copy of is refused', async () => {
    const pair = await certificate();
    const db = cluster.createDatabase('outage');
    const served = await room(db, pair);
    const mirrorDir = tempDir();
    const before = roomSession({ mirrorDir });
    cleanup.push(() => before.leave());
    expect((await before.open({ url: served.url, fingerprint: pair.fingerprint })).ok).toBe(true);
    // The room hands its snapshot only to a desk where a watch officer or supervisor is signed in.
    const first = before.link();
    if (!first) throw new Error('no room link');
    await ok(first, 'signIn', signInInput('officer', 'D1'));
    const head = roomHead(db);
    await until(() => before.mirror()?.head?.seq === head, 'the copy');
    before.leave();
    await served.kill();

    const rooms = roomSession({ mirrorDir });
    cleanup.push(() => rooms.leave());
    const other = await certificate();
    const wrong = await rooms.open({ url: served.url, fingerprint: other.fingerprint });
    expect(wrong.ok ? '' : wrong.error.message).toMatch(/is unreachable/);
    expect(rooms.link()).toBeNull();
    expect((await rooms.open({ url: served.url, fingerprint: pair.fingerprint })).ok).toBe(true);
    const link = rooms.link();
    if (!link) throw new Error('no room link');
    const session = await ok<SessionView>(link, 'getSession');
    expect(session.room).toMatchObject({ connected: false });
    expect(session.room?.copyAt).toBeTruthy();
    // Nobody is signed in on this run: the copy is read only by someone its accounts know, checked
    // against them without writing a byte.
    const anonymous = await link.call('listUnits', {});
    expect(anonymous.ok ? '' : anonymous.error.code).toBe('unauthorized');
    const wrongPass = await link.call('signIn', {
      ...signInInput('officer', 'D1'),
      passphrase: 'not the one',
    });
    expect(wrongPass.ok ? '' : wrongPass.error.message).toBe(
      'Sign-in refused: login or passphrase not recognised.',
    );
    const copyFile = rooms.mirror()?.file ?? '';
    const bytes = readFileSync(copyFile);
    await ok(link, 'signIn', signInInput('officer', 'D1'));
    expect((await ok<SessionView>(link, 'getSession')).operator?.name).toBe(DEMO.officer.name);
    expect((await ok<unknown[]>(link, 'listUnits')).length).toBeGreaterThan(10);
    expect(readFileSync(copyFile).equals(bytes)).toBe(true);
    const refused = await link.call('createIncident', incident('Colis suspect Pont Neuf'));
    expect(refused.ok ? '' : refused.error.message).toMatch(/read-only; the change was not made\.$/);
  }, 60_000);
});

describe('the room’s snapshot for desks', () => {
  it('builds one copy per journal head, shared by every desk asking at once', async () => {
    const t = testApp(cluster.createDatabase('snap'));
    const source = snapshotSource(() => t.app.db);
    cleanup.push(() => source.close());
    const whole = { scope: 'whole-room' } as const;
    // Twenty desks reconnecting at once: one file.
    const asked = await Promise.all(Array.from({ length: 20 }, () => source.current(whole)));
    expect(new Set(asked.map((b) => b.file)).size).toBe(1);
    const [built] = asked;
    if (!built) throw new Error('no snapshot');
    expect(built.head).toEqual(source.head());
    expect(journalRows(built.file).at(-1)).toEqual(built.head);
    expect((await source.current(whole)).file).toBe(built.file);

    // The journal moves: a new copy, and the old file goes.
    signInAs(t.call, 'officer', 'D1');
    const next = await source.current(whole);
    expect(next.head.seq).toBeGreaterThan(built.head.seq);
    expect(existsSync(built.file)).toBe(false);
    expect(journalRows(next.file).at(-1)).toEqual(next.head);
  });
});
