// A desk's copy kept by the journal's rows: after its first snapshot, the copy follows the room page
// by page (GET /journal-rows), each row checked against the copy's head and its after-images written
// into the copy's tables. A room server over TLS on a throwaway PostgreSQL and on a SQLite file; the
// desk is the mirror itself (room-mirror.ts) on a pinned client. Needs the CLI bundle (npm run build).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRoomClient, type RoomClient } from '../../electron/room-client.js';
import { startMirror, type Mirror } from '../../electron/room-mirror.js';
import { openDatabase } from '../../electron/store/db.js';
import { JOURNALED_TABLES } from '../../electron/store/after-images.js';
import type { JournalRowsPage } from '../../electron/store/mirror-apply.js';
import { verifyDatabase } from '../../electron/services/verify.js';
import type { HandoverWindow } from '../../shared/api/handover.js';
import type { Incident, Unit, Zone } from '../../shared/domain.js';
import type { ParadeView } from '../../shared/api/map.js';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { DEMO, signInInput } from '../support/sign-in.js';
import { tempDb, tempDir } from '../support/temp.js';
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

/** Every journaled table's rows, ordered by key, from a room URL or a file. */
function tables(location: string): Record<string, unknown[]> {
  const db = openDatabase(location, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const [table, key] of Object.entries(JOURNALED_TABLES))
      out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${key.join(', ')}`).all();
    return out;
  } finally {
    db.close();
  }
}

function verifyFile(file: string) {
  const db = openDatabase(file, { readonly: true });
  try {
    return verifyDatabase(db);
  } finally {
    db.close();
  }
}

function headOf(location: string): number {
  const db = openDatabase(location, { readonly: true });
  try {
    return (db.prepare('SELECT max(seq) AS seq FROM journal').get() as { seq: number }).seq;
  } finally {
    db.close();
  }
}

/** A desk's client of the room, signed in as the officer (a desk that may mirror). */
async function desk(url: string, fingerprint: string): Promise<RoomClient> {
  const client = openRoomClient({ url, fingerprint });
  cleanup.push(() => client.close());
  await ok(client, 'signIn', signInInput('officer', 'D1'));
  return client;
}

function follow(client: RoomClient, file: string, errors: Error[] = []): Mirror {
  const mirror = startMirror({ client, file, onError: (e) => errors.push(e) });
  cleanup.push(() => mirror.close());
  return mirror;
}

const caughtUp = (mirror: Mirror, db: string) =>
  until(() => mirror.state().head?.seq === headOf(db), 'the copy to reach the room’s head');

/** A closed ring of four corners, `side` degrees wide, from its south-west corner. */
const square = (lon: number, lat: number, side: number) => [
  [lon, lat],
  [lon + side, lat],
  [lon + side, lat + side],
  [lon, lat + side],
  [lon, lat],
];

/** A day of writes: every kind of row the journal carries, through the room's own calls. */
async function dayOfWrites(client: RoomClient) {
  const first = await ok<Incident>(client, 'createIncident', incident('Sac abandonné quai de Conti'));
  const second = await ok<Incident>(client, 'createIncident', incident('Colis suspect Pont Neuf'));
  await ok(client, 'addIncidentNote', { incidentId: first.id, text: 'Périmètre de 50 m posé' });
  const units = await ok<Unit[]>(client, 'listUnits');
  const unit = units.find((u) => u.status === 'available');
  if (!unit) throw new Error('no available unit');
  const moved = await ok<Unit>(client, 'moveUnit', {
    id: unit.id,
    version: unit.version,
    lat: 48.8571,
    lon: 2.3412,
    source: 'typed',
  });
  // A unit taken from one incident to another: one entry releases a row and adds one that the
  // unique index of active assignments allows only in that order.
  await ok(client, 'assignUnit', { incidentId: first.id, unitId: moved.id });
  await ok(client, 'assignUnit', { incidentId: second.id, unitId: moved.id, confirmReassign: true });
  const zone = await ok<Zone>(client, 'createZone', {
    name: 'Cordon Quai de Conti',
    kind: 'security_perimeter',
    color: '#d62728',
    polygon: [square(2.337, 48.858, 0.002)],
  });
  await ok(client, 'deleteZone', { id: zone.id, version: zone.version });
  const parade = await ok<ParadeView>(client, 'recordParadeActual', { chainageKm: 1 });
  const report = parade.actuals[0];
  if (!report) throw new Error('no parade report');
  await ok(client, 'retractParadeActual', { id: report.id, reason: 'wrong bridge' });
  const window = await ok<HandoverWindow>(client, 'suggestHandoverWindow');
  await ok(client, 'acknowledgeHandover', {
    from: window.from,
    to: window.to,
    incomingLogin: DEMO.supervisor.login,
    incomingPassphrase: DEMO.supervisor.passphrase,
  });
}

const engines = [
  ['PostgreSQL', () => cluster.createDatabase('rows')],
  ['SQLite', () => tempDb('room.db')],
] as const;

describe.each(engines)('a desk’s copy kept by the journal’s rows (%s room)', (_engine, createRoom) => {
  it('follows every kind of write by rows after one snapshot, and equals and verifies as the room', async () => {
    const pair = await certificate();
    const db = createRoom();
    const served = await room(db, pair);
    const client = await desk(served.url, pair.fingerprint);
    const file = join(tempDir(), 'copy.db');
    const errors: Error[] = [];
    const mirror = follow(client, file, errors);
    await caughtUp(mirror, db);
    expect(mirror.state().fetched).toEqual({ snapshots: 1, pages: 0, refused: 0 });

    await dayOfWrites(client);
    await caughtUp(mirror, db);
    const fetched = mirror.state().fetched;
    expect(fetched).toMatchObject({ snapshots: 1, refused: 0 });
    expect(fetched.pages).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    expect(tables(file)).toEqual(tables(db));
    const verified = verifyFile(file);
    expect(verified.journal.ok).toBe(true);
    expect(verified.replay).toMatchObject({ ok: true, checked: true });
    expect(verified.ok).toBe(true);

    // The route answers the desks that may mirror (host watch officers and supervisors), as the
    // snapshot does, and refuses a bad parameter.
    const stranger = openRoomClient({ url: served.url, fingerprint: pair.fingerprint });
    cleanup.push(() => stranger.close());
    const probe = join(tempDir(), 'rows.json');
    expect((await stranger.download('journal-rows?after=0', probe)).status).toBe(401);
    await ok(stranger, 'signIn', signInInput('liaison-es', 'ES1'));
    expect((await stranger.download('journal-rows?after=0', probe)).status).toBe(403);
    expect((await stranger.download('snapshot', probe)).status).toBe(403);
    expect((await client.download('journal-rows?after=-1', probe)).status).toBe(400);
    expect((await client.download('journal-rows?after=0&limit=100000', probe)).status).toBe(400);
    const page = await client.download('journal-rows?after=0&limit=3', probe);
    expect(page.status).toBe(200);
    const body = JSON.parse(readFileSync(probe, 'utf8')) as JournalRowsPage;
    expect(body.rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(body).toMatchObject({ more: true, head: { seq: headOf(db) } });
  }, 120_000);

  it('refuses a tampered page and takes a snapshot; an offline desk catches up from its last sequence', async () => {
    const pair = await certificate();
    const db = createRoom();
    const served = await room(db, pair);
    const client = await desk(served.url, pair.fingerprint);
    const file = join(tempDir(), 'copy.db');
    const first = follow(client, file);
    await caughtUp(first, db);
    first.close();

    // The desk is away while the room works on.
    await ok(client, 'createIncident', incident('Malaise spectateur tribune nord'));
    await ok(client, 'createIncident', incident('Bagarre quai Branly'));
    const back = follow(client, file);
    await caughtUp(back, db);
    expect(back.state().fetched).toMatchObject({ snapshots: 0, refused: 0 });
    expect(back.state().fetched.pages).toBeGreaterThan(0);
    expect(tables(file)).toEqual(tables(db));
    expect(verifyFile(file).ok).toBe(true);
    back.close();

    // A page altered on the way (an entry's data changed, its hash kept) is refused whole; the
    // desk takes the room again as a snapshot, and the copy holds the room's entry, not the altered one.
    const created = await ok<Incident>(client, 'createIncident', incident('Colis suspect Pont Neuf'));
    const tampering: RoomClient = {
      ...client,
      download: async (path, target) => {
        const got = await client.download(path, target);
        if (path.startsWith('journal-rows') && got.status === 200) {
          const body = JSON.parse(readFileSync(target, 'utf8')) as JournalRowsPage;
          const row = body.rows[0];
          if (row) row.data = JSON.stringify({ altered: true });
          writeFileSync(target, JSON.stringify(body));
        }
        return got;
      },
    };
    const errors: Error[] = [];
    const refused = follow(tampering, file, errors);
    await caughtUp(refused, db);
    expect(refused.state().fetched).toMatchObject({ snapshots: 1, pages: 0, refused: 1 });
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/does not match its hash/)]);
    expect(tables(file)).toEqual(tables(db));
    expect(
      (tables(file).incidents as { id: string; title: string }[]).find((i) => i.id === created.id),
    ).toMatchObject({
      title: 'Colis suspect Pont Neuf',
    });
    expect(verifyFile(file).ok).toBe(true);
  }, 120_000);
});

describe('a copy that is not of this room’s journal', () => {
  it('is refused by rows and taken whole again', async () => {
    const pair = await certificate();
    const file = join(tempDir(), 'copy.db');
    const before = tempDb('before.db');
    const old = await room(before, pair);
    const first = follow(await desk(old.url, pair.fingerprint), file);
    await caughtUp(first, before);
    first.close();
    await old.kill();
    // Another room behind the same certificate (a room rebuilt from scratch): its journal does
    // not continue the copy's, whatever its length.
    const after = tempDb('after.db');
    const served = await room(after, pair);
    const client = await desk(served.url, pair.fingerprint);
    await ok(client, 'createIncident', incident('Malaise spectateur tribune nord'));
    const errors: Error[] = [];
    const mirror = follow(client, file, errors);
    await until(
      () => mirror.state().fetched.snapshots === 1 && mirror.state().head?.seq === headOf(after),
      'the copy to be taken again',
    );
    expect(mirror.state().fetched).toMatchObject({ snapshots: 1, refused: 1 });
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/does not (follow|continue)/)]);
    expect(tables(file)).toEqual(tables(after));
    expect(verifyFile(file).ok).toBe(true);
  }, 60_000);
});
