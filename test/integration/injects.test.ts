// Injects on both engines: the Paris package's script is loaded at seed, the scheduler plays each in
// at its time by the exercise clock (through the officer's calls, as the exercise director), a
// supervisor fires or skips one, and two servers on one database play each inject in once.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import { loadScenarioDir, ScenarioError } from '../../electron/services/scenario-load.js';
import { feedFilter } from '../../electron/services/releasability.js';
import { expectApiError } from '../support/api-error.js';
import { signInAs } from '../support/sign-in.js';
import { testApp } from '../support/app.js';
import { paths, tempDir } from '../support/temp.js';

const MIN = 60_000;

function director(dbPath?: string) {
  const t = testApp(dbPath);
  signInAs(t.call, 'supervisor', 'SUP', t.desk);
  const injects = () => t.call('listInjects', {});
  const inject = (id: string) => {
    const i = injects().find((x) => x.id === id);
    if (!i) throw new Error(`no inject ${id}`);
    return i;
  };
  const clock = () => t.call('getExerciseClock', {});
  const journal = (action: string) =>
    t.call('listJournal', { limit: 500 }).filter((e) => e.action === action);
  return { ...t, injects, inject, clock, journal };
}

describe('injects', () => {
  it('are loaded from the package, pending, in time order', () => {
    const t = director();
    const list = t.injects();
    expect(list.map((i) => i.id)).toEqual([
      'trocadero-gate-crowd',
      'storm-warning',
      'pont-alexandre-reinforcement',
      'debilly-sweep-request',
      'iena-bridge-package',
      'alma-drone',
    ]);
    expect(list.every((i) => i.status === 'pending')).toBe(true);
    expect(list[0]).toMatchObject({ at: '2024-07-26T16:10:00.000Z', kind: 'incident', version: 1 });
  });

  it('fire at their time through the scheduler, as the exercise director, and not while paused', () => {
    const t = director();
    t.real.advance(9 * MIN);
    expect(t.app.fireDueInjects()).toEqual([]);
    t.real.advance(MIN);
    const [fired] = t.app.fireDueInjects();
    expect(fired).toMatchObject({ id: 'trocadero-gate-crowd', status: 'fired', doneBy: 'Exercise director' });
    const { incident } = t.call('getIncident', { id: fired?.result ?? '' });
    expect(incident).toMatchObject({ title: 'Crowd pressing at the Trocadéro spectator gate', priority: 2 });
    const created = t.journal('incident.created').find((e) => e.entityId === incident.id);
    expect(created).toMatchObject({ operator: 'Exercise director', role: 'supervisor', desk: 'exercise' });
    expect(t.journal('exercise.inject_fired')).toEqual([
      expect.objectContaining({ entityType: 'inject', entityId: 'trocadero-gate-crowd', desk: 'exercise' }),
    ]);
    // Paused: the storm warning (due at +20) waits however long the pause lasts.
    t.call('controlExerciseClock', { action: 'pause', version: 0 });
    t.real.advance(60 * MIN);
    expect(t.app.fireDueInjects()).toEqual([]);
    t.call('controlExerciseClock', { action: 'resume', version: 1 });
    t.call('setExerciseRate', { rate: 5, version: 2 });
    // At 5×, two real minutes are the ten operation minutes to the storm warning.
    t.real.advance(2 * MIN);
    expect(t.app.fireDueInjects().map((i) => i.id)).toEqual(['storm-warning']);
    expect(t.call('listBulletins', {}).find((b) => b.title.startsWith('Heavy rain'))).toMatchObject({
      publishedBy: 'Exercise director',
      severity: 'warning',
    });
  });

  it('moves a unit and sends a request when their time comes', () => {
    const t = director();
    t.real.advance(45 * MIN);
    const fired = t.app.fireDueInjects();
    expect(fired.map((i) => [i.id, i.status])).toEqual([
      ['trocadero-gate-crowd', 'fired'],
      ['storm-warning', 'fired'],
      ['pont-alexandre-reinforcement', 'fired'],
      ['debilly-sweep-request', 'fired'],
    ]);
    const unit = t.call('listUnits', {}).find((u) => u.callsign === 'ES-PN-PO-02');
    expect(unit).toMatchObject({ venueId: 'pont-alexandre-iii', lat: 48.8639, lon: 2.3136 });
    const officer = createDesk();
    signInAs(t.call, 'officer', 'D1', officer);
    const request = t.call('listRequests', {}, officer).find((r) => r.text.includes('Passerelle Debilly'));
    expect(request).toMatchObject({ fromOperator: 'Exercise director', status: 'open' });
  });

  it('a supervisor fires one now or skips one, journaled; neither twice', () => {
    const t = director();
    const package_ = t.inject('iena-bridge-package');
    const fired = t.call('fireInject', { id: package_.id, version: 1 });
    expect(fired).toMatchObject({ status: 'fired', doneBy: 'Demo supervisor', version: 2 });
    expect(t.call('getIncident', { id: fired.result ?? '' }).incident.priority).toBe(1);
    expect(t.journal('exercise.inject_fired')[0]).toMatchObject({ operator: 'Demo supervisor', desk: 'SUP' });
    const skipped = t.call('skipInject', { id: 'alma-drone', version: 1, reason: 'Not for this run' });
    expect(skipped).toMatchObject({ status: 'skipped', result: 'Not for this run' });
    expect(t.journal('exercise.inject_skipped')[0]).toMatchObject({
      entityId: 'alma-drone',
      operator: 'Demo supervisor',
    });
    expectApiError(
      () => t.call('fireInject', { id: 'alma-drone', version: 2 }),
      'conflict',
      /is skipped already/,
    );
    expectApiError(
      () => t.call('skipInject', { id: 'iena-bridge-package', version: 2 }),
      'conflict',
      /is fired already/,
    );
    expectApiError(
      () => t.call('fireInject', { id: 'no-such', version: 1 }),
      'not_found',
      /No inject no-such/,
    );
    // The scheduler passes over what was fired or skipped.
    t.real.advance(120 * MIN);
    expect(t.app.fireDueInjects().map((i) => i.id)).not.toContain('alma-drone');
    expect(t.injects().every((i) => i.status !== 'pending')).toBe(true);
  });

  it('are kept from partners and the wall on the live feed; the clock reaches every desk', () => {
    const t = director();
    const liaison = createDesk();
    signInAs(t.call, 'liaison-es', 'L-ES', liaison);
    const hears = feedFilter(() => t.app.db, liaison);
    expect(hears({ action: 'exercise.inject_fired', entityType: 'inject', entityId: 'alma-drone' })).toBe(
      false,
    );
    expect(hears({ action: 'exercise.clock_paused', entityType: 'exercise', entityId: 'clock' })).toBe(true);
    const officer = createDesk();
    signInAs(t.call, 'officer', 'D1', officer);
    const own = feedFilter(() => t.app.db, officer);
    expect(own({ action: 'exercise.inject_fired', entityType: 'inject', entityId: 'alma-drone' })).toBe(true);
  });

  it('two servers on one database play each inject in once', () => {
    const a = director();
    const b = director(a.dbPath);
    a.real.advance(25 * MIN);
    b.real.advance(25 * MIN);
    const byA = a.app.fireDueInjects();
    const byB = b.app.fireDueInjects();
    expect([...byA, ...byB].map((i) => i.id).sort()).toEqual(['storm-warning', 'trocadero-gate-crowd']);
    expect(byB).toEqual([]);
    expect(a.journal('exercise.inject_fired')).toHaveLength(2);
    expect(a.call('listIncidents', {}).filter((i) => i.title.startsWith('Crowd pressing'))).toHaveLength(1);
  });
});

describe('injects.json', () => {
  const withInjects = (injects: unknown) => {
    const dir = join(tempDir(), 'pkg');
    cpSync(join(paths.resources, 'scenario', 'paris-2024'), dir, { recursive: true });
    writeFileSync(join(dir, 'injects.json'), JSON.stringify(injects));
    return dir;
  };
  const problems = (dir: string) => {
    try {
      loadScenarioDir(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(ScenarioError);
      return (err as Error).message;
    }
    throw new Error('the package was accepted');
  };

  it('is refused with each problem named by file, record, field and reason', () => {
    const good = {
      id: 'a',
      minutesAfterStart: 5,
      kind: 'bulletin',
      title: 'T',
      payload: { title: 'T', body: 'B', severity: 'info' },
    };
    const dir2 = withInjects([
      good,
      { ...good },
      { ...good, id: 'b', kind: 'incident', payload: { category: 'nonsense' } },
      { ...good, id: 'c', kind: 'unit_move', payload: { callsign: 'XX-NOPE', lat: 48.8, lon: 2.3 } },
      { ...good, id: 'd', minutesAfterStart: undefined },
      { ...good, id: 'e', kind: 'teleport' },
    ]);
    const file2 = join(dir2, 'injects.json');
    const text2 = problems(dir2);
    expect(text2).toContain(`${file2}: record 1: id: duplicate "a"`);
    expect(text2).toContain(`${file2}: record 2: payload.category:`);
    expect(text2).toContain(`${file2}: record 3: payload.callsign: unknown callsign "XX-NOPE"`);
    expect(text2).toContain(`${file2}: record 4: minutesAfterStart: give minutesAfterStart or at`);
    expect(text2).toContain(`${file2}: record 5: kind:`);
  });

  it('is optional, and the LA package stays valid without one', () => {
    expect(loadScenarioDir(join(paths.resources, 'scenario', 'la-2028')).injects).toEqual([]);
    expect(loadScenarioDir(join(paths.resources, 'scenario', 'paris-2024')).injects).toHaveLength(6);
  });
});
