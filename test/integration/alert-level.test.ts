// The national alert level through the contract, on both engines: the default and the seeded
// level, a supervisor's change (bad input and stale versions refused, nothing written).
import { describe, expect, it } from 'vitest';
import { openVigie } from '../../electron/services/app.js';
import { defaultScale, getAlertLevel } from '../../electron/services/alert-level.js';
import { fixedClock } from '../../shared/clock.js';
import { testDatabase } from '../support/backend.js';
import { paths } from '../support/temp.js';
import { expectApiError } from '../support/api-error.js';
import { room } from './awareness-fixture.js';

describe('alert level', () => {
  it('defaults to the lowest level of the host country scale at version 0', () => {
    const app = openVigie({
      dbPath: testDatabase(),
      resourcesDir: paths.resources,
      real: fixedClock(0),
      seed: false,
    });
    try {
      expect(getAlertLevel(app.ctx)).toEqual({
        scale: 'vigipirate',
        level: 'vigilance',
        reason: '',
        setAt: null,
        setBy: null,
        setDesk: null,
        version: 0,
      });
      expect(defaultScale('US')).toBe('ntas');
      expect(defaultScale('GB')).toBe('vigipirate');
    } finally {
      app.close();
    }
  });

  it('starts the Paris exercise at Vigipirate urgence attentat, journaled by the seed', () => {
    const t = room();
    const level = t.call('getAlertLevel', {}, t.wall);
    expect(level).toMatchObject({
      scale: 'vigipirate',
      level: 'urgence_attentat',
      version: 1,
      setDesk: 'seed',
    });
    expect(level.reason).toMatch(/Olympic Games/);
    const [entry] = t.call('listJournal', { limit: 1, entityType: 'alert_level' }, t.sup);
    expect(entry).toMatchObject({
      action: 'alert_level.changed',
      entityId: '1',
      data: { from: { level: 'vigilance' }, to: { scale: 'vigipirate', level: 'urgence_attentat' } },
    });
  });

  it('a supervisor changes it with a reason; the change is journaled', () => {
    const t = room();
    const after = t.call(
      'setAlertLevel',
      { level: 'securite_renforcee', reason: 'Ceremony over, threat reassessed', version: 1 },
      t.sup,
    );
    expect(after).toMatchObject({
      scale: 'vigipirate',
      level: 'securite_renforcee',
      reason: 'Ceremony over, threat reassessed',
      setBy: 'Demo supervisor',
      setDesk: 'SUP',
      version: 2,
    });
    expect(t.call('getAlertLevel', {}, t.officer)).toEqual(after);
    const [entry] = t.call('listJournal', { limit: 1 }, t.sup);
    expect(entry).toMatchObject({
      action: 'alert_level.changed',
      entityType: 'alert_level',
      entityId: '1',
      desk: 'SUP',
      data: {
        from: { scale: 'vigipirate', level: 'urgence_attentat' },
        to: { scale: 'vigipirate', level: 'securite_renforcee' },
        reason: 'Ceremony over, threat reassessed',
      },
    });
    // A change of scale takes a level of the new scale.
    expect(
      t.call(
        'setAlertLevel',
        { scale: 'ntas', level: 'elevated', reason: 'Exercise on NTAS', version: 2 },
        t.sup,
      ),
    ).toMatchObject({ scale: 'ntas', level: 'elevated', version: 3 });
  });

  it('refuses a bad level, scale or reason, a stale version and a no-op, writing nothing', () => {
    const t = room();
    const seq = t.lastSeq();
    const base = { level: 'vigilance', reason: 'Lowered', version: 1 };
    const bad = expectApiError(
      () => t.call('setAlertLevel', { ...base, level: 'rouge' }, t.sup),
      'invalid_input',
      /^level: .*vigipirate/,
    );
    expect(bad.issues?.[0]?.path).toBe('level');
    expectApiError(
      () => t.call('setAlertLevel', { ...base, scale: 'ntas' }, t.sup),
      'invalid_input',
      /level: .*ntas/,
    );
    expectApiError(
      () => t.call('setAlertLevel', { ...base, scale: 'dhs' as never }, t.sup),
      'invalid_input',
      /scale/,
    );
    expectApiError(
      () => t.call('setAlertLevel', { ...base, reason: '  ' }, t.sup),
      'invalid_input',
      /reason/,
    );
    expectApiError(
      () => t.call('setAlertLevel', { ...base, level: 'urgence_attentat' }, t.sup),
      'invalid_input',
      /level: the level is already urgence_attentat/,
    );
    const stale = expectApiError(
      () => t.call('setAlertLevel', { ...base, version: 0 }, t.sup),
      'conflict',
      /another desk/,
    );
    expect(stale.current).toMatchObject({ level: 'urgence_attentat', version: 1 });
    expect(t.lastSeq()).toBe(seq);
    expect(t.call('getAlertLevel', {}, t.sup)).toMatchObject({ level: 'urgence_attentat', version: 1 });
    expectApiError(() => t.call('setAlertLevel', base, t.officer), 'forbidden');
    expect(t.call('getAlertLevel', {}, t.sup).version).toBe(1);
  });
});
