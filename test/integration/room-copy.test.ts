// A desk's operation moved into a room (`vigie room import`) and a room archived to a SQLite file
// (`vigie backup --db URL`): every journal entry arrives as it was, the room carries on from it,
// and every refusal leaves the room as it was. Runs its own throwaway PostgreSQL cluster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../../electron/cli.js';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { paths, tempDb, tempDir } from '../support/temp.js';
import { testApp } from '../support/app.js';
import { signInAs } from '../support/sign-in.js';
import { journalRows } from '../support/journal-rows.js';
import { COPY_ORDER } from '../../electron/store/copy.js';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.close());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const dbName = (url: string) => new URL(url).pathname.slice(1);

/** The room's journal as (seq, hash) rows, read by the superuser. */
function roomJournal(url: string): { seq: number; hash: string }[] {
  const text = cluster.psql(dbName(url), 'SELECT seq, hash FROM journal ORDER BY seq').trim();
  return text
    ? text.split('\n').map((line) => {
        const [seq, hash] = line.split('|');
        return { seq: Number(seq), hash: String(hash) };
      })
    : [];
}

/** Every row of every copied table, in key order, as SQLite hands it back. */
function allRows(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const keyed = COPY_ORDER.map((t) => {
      const rows = db.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.key.join(', ')}`).all();
      return [t.name, rows] as const;
    });
    return Object.fromEntries(keyed);
  } finally {
    db.close();
  }
}

/** A seeded desk file with an incident, a note on it and a unit moved. */
function deskFile() {
  const t = testApp(tempDb());
  signInAs(t.call, 'officer', 'D1');
  const incident = t.call('createIncident', {
    category: 'unattended_bag',
    priority: 2,
    title: 'Sac abandonné quai de Conti',
    description: 'Black rucksack under a bench',
    source: 'cctv',
    lat: 48.8578,
    lon: 2.3372,
  });
  t.call('addIncidentNote', { incidentId: incident.id, text: 'Owner traced: a courier, zeppelin sticker' });
  const unit = t.call('listUnits', {}).find((u) => u.status === 'available');
  if (!unit) throw new Error('no available unit');
  t.call('moveUnit', { id: unit.id, version: unit.version, lat: 48.86, lon: 2.34, source: 'typed' });
  t.app.close();
  return { file: t.dbPath, incident };
}

describe('vigie room import and backup of a room', () => {
  it('moves a desk into a room exactly, the room carries on, and its backup matches it', async () => {
    const desk = deskFile();
    const room = cluster.createDatabase('room');
    const sourceFacts = JSON.parse((await run('verify', '--db', desk.file)).stdout) as { ok: boolean };
    expect(sourceFacts.ok).toBe(true);

    const imported = await run('room', 'import', '--from', desk.file, '--to', room);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as {
      from: string;
      to: string;
      head: { seq: number; hash: string };
      counts: Record<string, number>;
    };
    const desks = journalRows(desk.file);
    expect(report).toMatchObject({ from: desk.file, to: room, head: desks.at(-1) });
    expect(roomJournal(room)).toEqual(desks);
    expect(report.counts['incident_notes']).toBe(1);
    expect(report.counts['unit_positions']).toBeGreaterThan(1);

    // Through the room and back to a file, every value of every row is what the desk had.
    const roundTrip = join(tempDir(), 'round-trip.db');
    expect((await run('backup', '--db', room, '--out', roundTrip)).code).toBe(0);
    expect(allRows(roundTrip)).toEqual(allRows(desk.file));

    // The room serves the operation: search by a word of the note, then new writes chain on.
    const t = testApp(room);
    signInAs(t.call, 'supervisor', 'R1');
    expect(t.call('listIncidents', { text: 'zeppelin' }).map((i) => i.id)).toEqual([desk.incident.id]);
    const next = t.call('createIncident', {
      category: 'medical',
      priority: 1,
      title: 'Malaise spectateur',
      source: 'radio',
      locationText: 'Tribune nord',
    });
    expect(next.reference).not.toBe(desk.incident.reference);
    const unit = t.call('listUnits', {}).find((u) => u.status === 'available');
    if (!unit) throw new Error('no available unit');
    t.call('moveUnit', { id: unit.id, version: unit.version, lat: 48.87, lon: 2.35, source: 'typed' });
    t.app.close();
    const carried = roomJournal(room);
    expect(carried.slice(0, desks.length)).toEqual(desks);
    expect(carried.length).toBeGreaterThan(desks.length);
    expect((await run('verify', '--db', room)).code).toBe(0);

    // The room archived: a SQLite file with the room's head and counts, which verifies.
    const out = join(tempDir(), 'room.db');
    const backedUp = await run('backup', '--db', room, '--out', out);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    const archive = JSON.parse(backedUp.stdout) as {
      ok: boolean;
      head: unknown;
      counts: Record<string, number>;
    };
    expect(archive).toMatchObject({ ok: true, file: out, head: carried.at(-1) });
    expect(journalRows(out)).toEqual(carried);
    const verified = await run('verify', '--db', out);
    expect(verified.code).toBe(0);
    expect(archive.counts['incidents']).toBe((report.counts['incidents'] ?? 0) + 1);

    // Back again: the archive imports into another empty room with the same facts.
    const second = cluster.createDatabase('room');
    const again = await run('room', 'import', '--from', out, '--to', second);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ head: archive.head, counts: archive.counts });

    // Refusals leave everything as it was.
    const refused = await run('room', 'import', '--from', desk.file, '--to', room);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already holds an operation/);
    expect(roomJournal(room)).toEqual(carried);

    const before = readFileSync(out);
    const overwrite = await run('backup', '--db', room, '--out', out);
    expect(overwrite.code).not.toBe(0);
    expect(overwrite.stderr).toMatch(/already exists/);
    expect(readFileSync(out).equals(before)).toBe(true);

    const restore = await run('restore', '--db', room);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toMatch(/room import --from BACKUP\.db/);
    expect(roomJournal(room)).toEqual(carried);
  });

  it('refuses a file whose journal chain is broken, touching nothing in the room', async () => {
    const desk = deskFile();
    const raw = new Database(desk.file);
    raw.exec('DROP TRIGGER journal_no_update');
    raw.prepare("UPDATE journal SET operator = 'someone else' WHERE seq = 3").run();
    raw.close();
    const room = cluster.createDatabase('room');
    const r = await run('room', 'import', '--from', desk.file, '--to', room);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/journal chain is broken at entry 3/);
    expect(
      cluster.psql(dbName(room), "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").trim(),
    ).toBe('0');
  });

  it('refuses a file of an older schema, and a missing or non-room target', async () => {
    const dir = tempDir();
    const old = join(dir, 'old.db');
    const raw = new Database(old);
    raw.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); PRAGMA user_version = 4;');
    raw.close();
    const room = cluster.createDatabase('room');
    const r = await run('room', 'import', '--from', old, '--to', room);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/schema version 4.*vigie verify --db/);
    expect((await run('room', 'import', '--from', join(dir, 'none.db'), '--to', room)).code).toBe(2);
    expect((await run('room', 'import', '--from', old, '--to', join(dir, 'x.db'))).code).toBe(2);
    expect((await run('room', 'nothing')).stderr).toMatch(/unknown subcommand "nothing": import/);
    writeFileSync(join(dir, 'junk.db'), 'not a database');
    expect((await run('room', 'import', '--from', join(dir, 'junk.db'), '--to', room)).code).toBe(2);
  });
});
