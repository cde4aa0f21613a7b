// Replay through the contract, on both engines: a day of work done through the real services with
// the exercise clock stepped forward, the live picture recorded at moments along it, then the
// replay of each moment compared with what the live calls answered then; the database unchanged
// by replaying; a backup replayed the same; each desk shown only what it may see.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli.js';
import type { CallOutput } from '../../shared/api.js';
import type { Desk } from '../../electron/services/desk.js';
import { journalHead, tableCounts } from '../../electron/store/backup.js';
import { backupDatabase } from '../../electron/backup/backup.js';
import { backupRoom } from '../../electron/backup/room-backup.js';
import { openSqliteForCheck } from '../../electron/store/sqlite.js';
import { replayAt } from '../../electron/services/replay.js';
import { ReplayIndex } from '../../electron/store/replay.js';
import { iso } from '../../shared/clock.js';
import { backend } from '../support/backend.js';
import { expectApiError } from '../support/api-error.js';
import { tempDb } from '../support/temp.js';
import { room } from './awareness-fixture.js';

const MINUTE = 60_000;
type Room = ReturnType<typeof room>;

const square = (lon: number, lat: number): [number, number][][] => [
  [
    [lon, lat],
    [lon + 0.005, lat],
    [lon + 0.005, lat + 0.004],
    [lon, lat],
  ],
];

/** What a desk's live calls answer now, in the replay's shape. */
function livePicture(t: Room, desk: Desk) {
  return {
    units: t.call('listUnits', {}, desk),
    incidents: t.call('listIncidents', { includeClosed: true, limit: 100_000 }, desk),
    zones: t.call('listZones', {}, desk),
    routes: t.call('listRoutes', {}, desk),
    parade: t.call('getParade', {}, desk),
    alertLevel: t.call('getAlertLevel', {}, desk),
  };
}
type Picture = ReturnType<typeof livePicture>;
const pictureOf = (p: CallOutput<'replayAt'>): Picture => ({
  units: p.units,
  incidents: p.incidents,
  zones: p.zones,
  routes: p.routes,
  parade: p.parade,
  alertLevel: p.alertLevel,
});

interface Moment {
  at: string;
  sup: Picture;
  de: Picture;
  es: Picture;
}

/**
 * Two hours of work, a step every few minutes: incidents created (one marked for Spain only),
 * moved through their states with units assigned, units moved and their status set, zones drawn,
 * changed and deleted, the parade's head reported, the alert level raised. The live picture of
 * three desks is recorded after some of the steps.
 */
function dayOfWork(t: Room): Moment[] {
  const moments: Moment[] = [];
  const now = () => iso(t.app.ctx.clock.now());
  const record = () =>
    moments.push({
      at: now(),
      sup: livePicture(t, t.sup),
      de: livePicture(t, t.de),
      es: livePicture(t, t.es),
    });
  const step = (minutes: number) => t.real.advance(minutes * MINUTE);
  record();
  const units = t.call('listUnits', {}, t.sup).filter((u) => u.status === 'available' && u.lat !== null);
  const [u1, u2, u3] = units;
  if (!u1 || !u2 || !u3) throw new Error('the exercise has too few available units');
  step(3);
  const bag = t.call(
    'createIncident',
    {
      category: 'unattended_bag',
      priority: 2,
      title: 'Bag on quai de Conti',
      source: 'cctv',
      lat: 48.8578,
      lon: 2.3372,
    },
    t.officer,
  );
  const vip = t.call(
    'createIncident',
    {
      category: 'other',
      priority: 1,
      title: 'Spanish delegation delayed',
      source: 'phone',
      lat: 48.861,
      lon: 2.33,
      marking: ['ES'],
    },
    t.officer,
  );
  const zone = t.call(
    'createZone',
    { name: 'Cordon Conti', kind: 'security_perimeter', color: '#d62728', polygon: square(2.336, 48.857) },
    t.sup,
  );
  record();
  step(4);
  t.call('transitionIncident', { id: bag.id, version: bag.version, action: 'acknowledge' }, t.sup);
  const acked = t.call('assignUnit', { incidentId: bag.id, unitId: u1.id }, t.sup).incident;
  t.call('moveUnit', { id: u2.id, version: u2.version, lat: 48.859, lon: 2.34, source: 'typed' }, t.sup);
  record();
  step(7);
  const moved = t.call('listUnits', {}, t.sup).find((u) => u.id === u3.id);
  if (!moved) throw new Error('unit gone');
  t.call('setUnitStatus', { id: u3.id, status: 'out_of_service', version: moved.version }, t.sup);
  t.call(
    'updateZone',
    { id: zone.id, version: zone.version, name: 'Cordon Conti (widened)', polygon: square(2.335, 48.856) },
    t.sup,
  );
  const level = t.call('getAlertLevel', {}, t.sup);
  t.call('setAlertLevel', { level: 'vigilance', reason: 'Threat lowered', version: level.version }, t.sup);
  record();
  step(11);
  const head = t.call('listRoutes', {}, t.sup)[0]?.bridges[1];
  if (!head) throw new Error('no bridge');
  t.call('recordParadeActual', { bridge: head.name }, t.sup);
  t.call('transitionIncident', { id: vip.id, version: vip.version, action: 'acknowledge' }, t.sup);
  t.call('transitionIncident', { id: acked.id, version: acked.version, action: 'cancel' }, t.sup);
  t.call('deleteZone', { id: zone.id, version: zone.version + 1 }, t.sup);
  record();
  step(30);
  record();
  return moments;
}

describe('replay', () => {
  it('rebuilds the live picture of each desk at every recorded moment, and changes nothing', () => {
    const t = room();
    const moments = dayOfWork(t);
    const before = { head: journalHead(t.app.db), counts: tableCounts(t.app.db) };
    // The moments differ from each other: a replay that always showed the end would fail.
    expect(moments[0]?.sup).not.toEqual(moments.at(-2)?.sup);
    const range = t.call('replayRange', {}, t.sup);
    expect(range.backup).toBeNull();
    expect(range.last).toBe(moments.at(-2)?.at);
    // Out of order on purpose: going back in time must not keep anything of a later moment.
    for (const m of [...moments].reverse().concat(moments)) {
      expect(pictureOf(t.call('replayAt', { at: m.at }, t.sup))).toEqual(m.sup);
      expect(pictureOf(t.call('replayAt', { at: m.at }, t.de))).toEqual(m.de);
      expect(pictureOf(t.call('replayAt', { at: m.at }, t.es))).toEqual(m.es);
    }
    expect(journalHead(t.app.db)).toEqual(before.head);
    expect(tableCounts(t.app.db)).toEqual(before.counts);
  });

  it('shows each desk only what is released to it, and the minute of the journal to those who read it', () => {
    const t = room();
    const moments = dayOfWork(t);
    const at = moments[1]?.at ?? '';
    const title = 'Spanish delegation delayed';
    const titles = (d: Desk) => t.call('replayAt', { at }, d).incidents.map((i) => i.title);
    expect(titles(t.es)).toContain(title);
    expect(titles(t.sup)).toContain(title);
    expect(titles(t.de)).not.toContain(title);
    expect(titles(t.wall)).not.toContain(title);
    const entries = t.call('replayAt', { at }, t.sup).entries ?? [];
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['incident.created', 'zone.created']),
    );
    for (const e of entries) expect(e.at.slice(0, 16)).toBe(at.slice(0, 16));
    // Of the minute, only what had happened by the moment shown.
    const later = t.call('replayAt', { at: moments[0]?.at ?? '' }, t.sup).entries ?? [];
    for (const e of later) expect(e.at <= (moments[0]?.at ?? '')).toBe(true);
    // A liaison does not read the journal live, so not in a replay either.
    expect(t.call('replayAt', { at }, t.de).entries).toBeNull();
    // Before the first entry there is nothing to show; the field is named.
    expectApiError(
      () => t.call('replayAt', { at: '2000-01-01T00:00:00Z' }, t.sup),
      'invalid_input',
      /at: before/,
    );
    // A backup is a supervisor's; a name not listed is refused.
    expectApiError(() => t.call('replayAt', { at, backup: 'x.db' }, t.de), 'forbidden', /listBackups/);
    expectApiError(
      () => t.call('replayRange', { backup: 'x.db' }, t.sup),
      'invalid_input',
      /backup: not one/,
    );
  });

  it('replays a backup file the same as the operation it was taken from, leaving it untouched', async () => {
    const t = room();
    const moments = dayOfWork(t);
    const file = tempDb('backup.db');
    if (backend === 'postgres') backupRoom(t.app.db, file);
    else await backupDatabase(t.app.db, file);
    const db = openSqliteForCheck(file);
    try {
      const before = { head: journalHead(db), counts: tableCounts(db) };
      for (const m of moments) {
        const p = replayAt(t.app.ctx, db, t.sup, { at: m.at, backup: 'backup.db' });
        expect(pictureOf(p)).toEqual(m.sup);
      }
      expect(journalHead(db)).toEqual(before.head);
      expect(tableCounts(db)).toEqual(before.counts);
    } finally {
      db.close();
    }
    // The command line gives the same picture, and leaves the file as it was, byte for byte.
    const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const bytes = digest();
    const cli = async (at: string) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['replay', '--db', file, '--at', at], {
        out: (s) => out.push(s),
        err: (s) => err.push(s),
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    for (const m of [moments[1], moments.at(-1)]) {
      const r = await cli(m?.at ?? '');
      expect(r.code).toBe(0);
      expect(pictureOf(JSON.parse(r.out) as CallOutput<'replayAt'>)).toEqual(m?.sup);
    }
    expect(await cli('yesterday')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--at: an instant/) as unknown,
    });
    expect(await cli('2000-01-01T00:00:00Z')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--at: before the first entry/) as unknown,
    });
    expect(digest()).toBe(bytes);
  });

  it('reaches every entry the same from a keyframe as reading from the start, in any order', () => {
    const t = room();
    dayOfWork(t);
    const last = journalHead(t.app.db).seq;
    const fromStart = new ReplayIndex(t.app.db, Number.MAX_SAFE_INTEGER);
    const keyed = new ReplayIndex(t.app.db, 7);
    // Scanned in steps, so that keyframes are taken while the journal is read in several passes.
    const seqs = Array.from({ length: last }, (_, i) => i + 1);
    for (const seq of seqs.filter((s) => s % 3 === 0).concat(seqs.reverse()))
      expect(keyed.rowsAt(seq)).toEqual(fromStart.rowsAt(seq));
    // The rows change along the journal: equal maps at every seq would prove nothing.
    expect(fromStart.rowsAt(1)).not.toEqual(fromStart.rowsAt(last));
  });
});
