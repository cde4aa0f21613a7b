import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../shared/overdue.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { signInAs } from '../support/sign-in.js';

describe('configurable overdue thresholds', () => {
  it('default to 2/10 minutes for P1 and can be changed, journaled with from/to', () => {
    const t = testApp();
    signInAs(t.call, 'supervisor');
    const before = t.call('getSettings', {});
    expect(before.overdue).toEqual(DEFAULT_THRESHOLDS);
    const overdue = {
      ...DEFAULT_THRESHOLDS,
      acknowledgeMinutes: { ...DEFAULT_THRESHOLDS.acknowledgeMinutes, 1: 1 },
    };
    const after = t.call('updateSettings', { version: before.version, overdue });
    expect(after.overdue.acknowledgeMinutes[1]).toBe(1);
    expect(t.call('getSettings', {}).overdue).toEqual(overdue);
    const [entry] = t.call('listJournal', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'settings.updated',
      data: { overdue: { from: DEFAULT_THRESHOLDS, to: overdue } },
    });
  });

  it('refuses an acknowledgement deadline later than the on-scene one, naming the field', () => {
    const t = testApp();
    signInAs(t.call, 'supervisor');
    const { version } = t.call('getSettings', {});
    const bad = {
      ...DEFAULT_THRESHOLDS,
      acknowledgeMinutes: { ...DEFAULT_THRESHOLDS.acknowledgeMinutes, 1: 30 },
    };
    const err = expectApiError(() => t.call('updateSettings', { version, overdue: bad }), 'invalid_input');
    expect(err.issues?.[0]?.path).toBe('overdue.acknowledgeMinutes');
    expect(t.call('getSettings', {}).overdue).toEqual(DEFAULT_THRESHOLDS);
  });
});
