import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../shared/domain.js';
import {
  allowedActions,
  INCIDENT_ACTIONS,
  transition,
  unitStatusFor,
  type IncidentAction,
} from '../../shared/incident-lifecycle.js';
import { DEFAULT_THRESHOLDS, overdue } from '../../shared/overdue.js';

// The whole table, written out by hand: every (status, action) pair and where it leads, or null.
const EXPECTED: Record<IncidentStatus, Partial<Record<IncidentAction, IncidentStatus>>> = {
  new: { acknowledge: 'acknowledged', cancel: 'cancelled' },
  acknowledged: { dispatch: 'dispatched', cancel: 'cancelled' },
  dispatched: { arrive: 'on_scene', cancel: 'cancelled' },
  on_scene: { resolve: 'resolved', cancel: 'cancelled' },
  resolved: { close: 'closed', reopen: 'acknowledged' },
  closed: {},
  cancelled: {},
};

describe('incident lifecycle', () => {
  for (const from of INCIDENT_STATUSES) {
    for (const action of INCIDENT_ACTIONS) {
      const to = EXPECTED[from][action];
      it(`${from} --${action}--> ${to ?? 'refused'}`, () => {
        const r = transition(from, action, 'reason given');
        if (to) expect(r).toEqual({ ok: true, to });
        else {
          expect(r.ok).toBe(false);
          if (!r.ok)
            expect(r.reason).toMatch(
              new RegExp(`Cannot ${action} an incident that is ${from.replace('_', ' ')}`),
            );
        }
      });
    }
  }

  it('needs a reason to reopen', () => {
    expect(transition('resolved', 'reopen')).toEqual({
      ok: false,
      reason: 'A reason is required to reopen an incident.',
    });
    expect(transition('resolved', 'reopen', '   ').ok).toBe(false);
  });

  it('needs the outcome to close', () => {
    expect(transition('resolved', 'close')).toEqual({
      ok: false,
      reason: 'The outcome is required to close an incident (one line).',
    });
    expect(transition('resolved', 'close', ' ').ok).toBe(false);
    expect(transition('resolved', 'close', 'Bag cleared by K9, owner traced')).toEqual({
      ok: true,
      to: 'closed',
    });
  });

  it('offers exactly the legal actions', () => {
    for (const s of INCIDENT_STATUSES)
      expect(allowedActions(s).sort()).toEqual(Object.keys(EXPECTED[s]).sort());
  });

  it('makes assigned units follow the incident', () => {
    expect(unitStatusFor('new')).toBe('assigned');
    expect(unitStatusFor('acknowledged')).toBe('assigned');
    expect(unitStatusFor('dispatched')).toBe('en_route');
    expect(unitStatusFor('on_scene')).toBe('on_scene');
    expect(unitStatusFor('resolved')).toBe('available');
    expect(unitStatusFor('cancelled')).toBe('available');
  });
});

describe('overdue', () => {
  const created = Date.parse('2024-07-26T17:00:00Z');
  const p1 = (status: IncidentStatus) => ({
    priority: 1 as const,
    status,
    createdAt: new Date(created).toISOString(),
    acknowledgedAt: null,
    onSceneAt: null,
  });
  const min = (m: number) => created + m * 60_000;

  it('flags a P1 not acknowledged in 2 minutes, not on scene in 10', () => {
    expect(overdue(p1('new'), min(2))).toBeNull();
    expect(overdue(p1('new'), min(2.1))).toBe('acknowledge');
    expect(overdue(p1('acknowledged'), min(9.9))).toBeNull();
    expect(overdue(p1('dispatched'), min(10.1))).toBe('on_scene');
    expect(overdue(p1('on_scene'), min(60))).toBeNull();
    expect(overdue(p1('closed'), min(60))).toBeNull();
  });

  it('uses configurable thresholds, and none for P4 by default', () => {
    const t = {
      ...DEFAULT_THRESHOLDS,
      acknowledgeMinutes: { ...DEFAULT_THRESHOLDS.acknowledgeMinutes, 1: 1 },
    };
    expect(overdue(p1('new'), min(1.5), t)).toBe('acknowledge');
    expect(overdue({ ...p1('new'), priority: 4 }, min(600))).toBeNull();
  });
});
