// The room's database stopped and restarted while a desk keeps writing: every write acknowledged is
// stored, every failure is reported (never a silent drop), the journal's chain holds, the feed says
// the room was lost within 5 s and back once it answers again, and writes resume by themselves.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli.js';
import { openVigie } from '../../electron/services/app.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { startFeed, type RoomStatus } from '../../electron/services/feed.js';
import { verifyChain } from '../../electron/store/journal.js';
import { fixedClock } from '../../shared/clock.js';
import { pgBinDir, startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { paths } from '../support/temp.js';
import { signInInput } from '../support/sign-in.js';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(() => cluster?.close());

/** pg_ctl without blocking the event loop, so the desk's writes go on meanwhile. */
function pgCtl(args: string[]): Promise<void> {
  const bin = join(pgBinDir() ?? '', 'pg_ctl');
  const argv = ['-D', join(cluster.dir, 'data'), ...args];
  const asRoot = process.getuid?.() === 0;
  const child = asRoot ? spawn('runuser', ['-u', 'postgres', '--', bin, ...argv]) : spawn(bin, argv);
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args[0]}: ${code}`)))),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('vigie verify on a room', () => {
  it('checks a room read-only, and refuses an empty database without writing to it', async () => {
    const io = { out: (_: string) => undefined, err: (_: string) => undefined };
    const empty = cluster.createDatabase('verify_empty');
    expect(await main(['verify', '--db', empty], io, paths)).toBe(2);
    expect(
      cluster.psql(
        new URL(empty).pathname.slice(1),
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
      ),
    ).toBe('0\n');
    const seeded = cluster.createDatabase('verify_seeded');
    expect(await main(['seed', '--db', seeded], io, paths)).toBe(0);
    const out: string[] = [];
    expect(await main(['verify', '--db', seeded], { ...io, out: (s) => out.push(s) }, paths)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: true, journal: { ok: true } });
  });
});

describe('servers opening one empty room at once', () => {
  it('seed it once: one process seeds, the others find the operation', async () => {
    const url = cluster.createDatabase('seed_race');
    const cli = join(paths.root, 'electron/bin/vigie.mjs');
    const runs = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
            const child = spawn(process.execPath, [cli, 'seed', '--db', url]);
            let out = '';
            let err = '';
            child.stdout.on('data', (d: Buffer) => (out += d.toString()));
            child.stderr.on('data', (d: Buffer) => (err += d.toString()));
            child.once('exit', (code) => resolve({ code, out, err }));
          }),
      ),
    );
    expect(
      runs.map((r) => r.code),
      runs.map((r) => r.err).join('\n'),
    ).toEqual([0, 0, 0]);
    const seeded = runs.map((r) => (JSON.parse(r.out) as { seeded: boolean }).seeded);
    expect(seeded.filter(Boolean)).toHaveLength(1);
    const dbName = new URL(url).pathname.slice(1);
    expect(cluster.psql(dbName, "SELECT count(*) FROM journal WHERE action = 'operation.seeded'")).toBe(
      '1\n',
    );
  });
});

describe('the append-only records of a room', () => {
  it('are not the app role’s to change: no UPDATE, DELETE or TRUNCATE privilege', () => {
    cluster.psql('postgres', 'CREATE ROLE vigie_app LOGIN');
    const name = new URL(cluster.createDatabase('grants')).pathname.slice(1);
    cluster.psql('postgres', `ALTER DATABASE ${name} OWNER TO vigie_app`);
    const app = openVigie({
      dbPath: `postgres://vigie_app@127.0.0.1:${cluster.port}/${name}`,
      resourcesDir: paths.resources,
      real: fixedClock(Date.parse('2026-11-24T08:00:00Z')),
    });
    try {
      for (const sql of ["UPDATE journal SET operator = 'x'", 'DELETE FROM journal', 'TRUNCATE journal']) {
        expect(() => app.db.prepare(sql).run()).toThrow(/permission denied/);
      }
      expect(() => app.db.prepare('DELETE FROM handovers').run()).toThrow(/permission denied/);
      expect(verifyChain(app.db)).toMatchObject({ ok: true });
    } finally {
      app.close();
    }
  });
});

describe('the room database stopped and restarted during writes', () => {
  it('loses no acknowledged write and reports every failed one', async () => {
    const url = cluster.createDatabase('faults');
    const app = openVigie({
      dbPath: url,
      resourcesDir: paths.resources,
      real: fixedClock(Date.parse('2026-11-24T08:00:00Z')),
    });
    const feed = startFeed({ current: () => app.db, location: url });
    const statuses: { status: RoomStatus; at: number }[] = [];
    feed.subscribe((e) => {
      if (e.kind === 'status') statuses.push({ status: e.status, at: Date.now() });
    });
    const desk = createDesk();
    expect(dispatch(app.handlers, 'signIn', signInInput('officer', 'D1'), desk).ok).toBe(true);

    const acknowledged: string[] = [];
    const failures: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const r = dispatch(
          app.handlers,
          'createIncident',
          { category: 'other', priority: 3, title: `Write ${i}`, source: 'radio', locationText: 'Quai' },
          desk,
        );
        if (r.ok) acknowledged.push((r.value as { id: string }).id);
        else failures.push(r.error.message);
        await sleep(20);
      }
    })();

    await sleep(500);
    const stoppedAt = Date.now();
    await pgCtl(['-m', 'fast', '-w', 'stop']);
    await sleep(2500);
    await pgCtl([
      '-o',
      `-p ${cluster.port} -k ${cluster.dir} -c listen_addresses=127.0.0.1`,
      '-l',
      join(cluster.dir, 'log'),
      '-w',
      'start',
    ]);
    // Writes resume by themselves once the database is back.
    const before = acknowledged.length;
    const deadline = Date.now() + 10_000;
    while (acknowledged.length < before + 10 && Date.now() < deadline) await sleep(50);
    writing = false;
    await writer;

    expect(acknowledged.length).toBeGreaterThanOrEqual(before + 10);
    expect(failures.length).toBeGreaterThan(0);
    for (const m of failures) expect(m).toMatch(/room database|not saved/i);
    const lost = statuses.find((s) => s.status.state === 'lost');
    expect(lost, 'the feed reported the room lost').toBeDefined();
    expect((lost?.at ?? Infinity) - stoppedAt).toBeLessThan(5000);
    await expect.poll(() => feed.status().state, { timeout: 5000 }).toBe('ok');

    // Every acknowledged write is stored, once; the chain holds across the outage.
    const stored = new Set(
      (app.db.prepare("SELECT id FROM incidents WHERE title LIKE 'Write %'").all() as { id: string }[]).map(
        (r) => r.id,
      ),
    );
    for (const id of acknowledged) expect(stored.has(id), `acknowledged incident ${id} stored`).toBe(true);
    expect(verifyChain(app.db)).toMatchObject({ ok: true });
    await feed.close();
    app.close();
  });
});
