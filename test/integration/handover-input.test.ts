// Handover input validation, sign-in, and the schema (handovers final, shifts derived, the
// journal read by time through its index).
import { backend } from '../support/backend.js';
import { describe, expect, it } from 'vitest';
import { iso } from '../../shared/clock.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { listShifts } from '../../electron/store/shifts.js';
import { ackBy, at, elise, firstShift, marc, MIN, START, window1 } from './handover-shift.js';
import { DEMO } from '../support/sign-in.js';

describe('handover input', () => {
  it('needs a signed-in operator', () => {
    const t = testApp();
    t.real.advance(30 * MIN);
    expectApiError(() => t.call('previewHandover', window1), 'unauthorized');
    expectApiError(() => t.call('acknowledgeHandover', ackBy(DEMO.officer)), 'unauthorized');
    expectApiError(() => t.call('suggestHandoverWindow', {}), 'unauthorized');
  });

  it('rejects bad windows and text, naming the field', () => {
    const t = firstShift();
    const issue = (input: object) =>
      expectApiError(
        () => t.call('previewHandover', { ...window1, ...input } as typeof window1),
        'invalid_input',
      ).issues?.[0]?.path;
    expect(issue({ from: 'yesterday' })).toBe('from');
    expect(issue({ from: at(30), to: at(0) })).toBe('to');
    expect(issue({ from: at(30), to: at(30) })).toBe('to');
    expect(issue({ from: iso(START - 25 * 60 * MIN), to: at(0) })).toBe('to');
    expect(issue({ to: at(31) })).toBe('to');
    expect(issue({ incomingName: '  ' })).toBe('incomingName');
    expect(issue({ pendingActions: ['x'.repeat(501)] })).toBe('pendingActions.0');
    expect(issue({ pendingActions: Array.from({ length: 31 }, () => 'call back') })).toBe('pendingActions');
    expect(issue({ lang: 'de' })).toBe('lang');
    expectApiError(() => t.call('exportHandover', { id: 'nope', format: 'pdf' }), 'not_found');
    expectApiError(
      () => t.call('exportHandover', { id: 'nope', format: 'docx' as 'pdf' }),
      'invalid_input',
      /format/,
    );
  });
});

describe('schema v4: handovers and shifts', () => {
  it('derives each shift from the handover that ended it', () => {
    const t = firstShift();
    const { handover } = t.call('acknowledgeHandover', ackBy(t.people.marc));
    expect(listShifts(t.app.db, 'D1')).toEqual([
      {
        desk: 'D1',
        operator: elise.name,
        role: elise.role,
        startedAt: at(0),
        endedAt: at(30),
        handedTo: marc.name,
        handoverId: handover.id,
      },
    ]);
    expect(listShifts(t.app.db, 'D2')).toEqual([]);
  });

  it('reads the journal by time through its index', () => {
    const t = testApp();
    const query = "SELECT seq FROM journal WHERE at > ? AND action <> 'unit.moved'";
    if (backend === 'postgres') {
      // A seeded journal is small enough for a scan; take scans off the table to see the index is usable.
      const plan = t.app.db.transaction(() => {
        t.app.db.exec('SET LOCAL enable_seqscan = off');
        return t.app.db.prepare(`EXPLAIN ${query}`).all(at(0)) as Record<string, string>[];
      })();
      expect(plan.map((p) => p['QUERY PLAN']).join(' ')).toMatch(/journal_at/);
      return;
    }
    const plan = t.app.db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(at(0)) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX journal_at/);
  });
});
