// The board a page at a time (listIncidentPage): keyset pages that join up to the whole board in
// its order, the count of all that match, units read for the page's incidents, a bad cursor refused.
// And the map's points (listIncidentPoints): the same incidents, a few fields each, as released.
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api.js';
import type { IncidentRow } from '../../shared/domain.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { addPerson, signInAs } from '../support/sign-in.js';
import { createDesk, type Desk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { markedOperation } from './releasability-fixture.js';
import { pointOfRow } from '../../shared/incident-points.js';

const base: CallInput<'createIncident'> = {
  category: 'crowd_surge',
  priority: 3,
  title: 'Crowd pressing at the barrier',
  source: 'radio',
  locationText: 'Quai Branly',
};

function board() {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, 'Lt. Paul Girard'), 'D1');
  // On the stopped exercise clock many incidents share a creation time: ties go by id.
  for (let n = 0; n < 23; n++)
    t.call('createIncident', { ...base, priority: ((n % 4) + 1) as 1 | 2 | 3 | 4, title: `Filler ${n}` });
  return t;
}

/** Every page of the filter, `size` rows at a time. */
function walk(t: ReturnType<typeof board>, input: CallInput<'listIncidentPage'>, size: number) {
  const pages: { rows: IncidentRow[]; total: number; next: string | null }[] = [];
  let after: string | undefined;
  do {
    const page = t.call('listIncidentPage', { ...input, limit: size, ...(after ? { after } : {}) });
    pages.push(page);
    after = page.next ?? undefined;
  } while (after && pages.length < 100);
  return pages;
}

describe('the board a page at a time', () => {
  it('joins up to the whole board in its order, with the count of all that match', () => {
    const t = board();
    for (const input of [
      {},
      { includeClosed: true },
      { priorities: [1, 2] as (1 | 2)[] },
      { text: 'filler' },
    ]) {
      const whole = t.call('listIncidents', { ...input, limit: 100_000 }).map((i) => i.id);
      const pages = walk(t, input, 7);
      expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(whole);
      expect(pages.every((p) => p.total === whole.length)).toBe(true);
      expect(pages.slice(0, -1).every((p) => p.rows.length === 7 && p.next !== null)).toBe(true);
      expect(pages.at(-1)?.next).toBeNull();
    }
    // A page as large as the board says there is no next one.
    const all = t.call('listIncidentPage', { limit: 1000 });
    expect(all.next).toBeNull();
    expect(all.rows).toHaveLength(all.total);
  });

  it('continues after the cursor as listIncidents does, and never repeats a row of the page before', () => {
    const t = board();
    const first = t.call('listIncidentPage', { limit: 5 });
    const next = first.next ?? '';
    const rest = t.call('listIncidents', { after: next, limit: 3 }).map((i) => i.id);
    expect(rest).toEqual(t.call('listIncidentPage', { after: next, limit: 3 }).rows.map((r) => r.id));
    const seen = new Set(first.rows.map((r) => r.id));
    expect(t.call('listIncidentPage', { after: next, limit: 1000 }).rows.some((r) => seen.has(r.id))).toBe(
      false,
    );
  });

  it('brings the units working each incident of the page', () => {
    const t = board();
    const page2 = t.call('listIncidentPage', {
      limit: 5,
      after: t.call('listIncidentPage', { limit: 5 }).next ?? '',
    });
    const target = page2.rows[2];
    const unit = t.call('listUnits', {}).find((u) => u.status === 'available');
    if (!target || !unit) throw new Error('fixture');
    t.call('assignUnit', { incidentId: target.id, unitId: unit.id });
    const again = t.call('listIncidentPage', {
      limit: 5,
      after: t.call('listIncidentPage', { limit: 5 }).next ?? '',
    });
    const assigned = again.rows.find((r) => r.id === target.id)?.assigned ?? [];
    expect(assigned).toContainEqual({ unitId: unit.id, callsign: unit.callsign, country: unit.country });
    expect(assigned.length).toBeGreaterThan(target.assigned.length);
    // The same as the whole board says.
    const whole = t.call('listIncidents', {}).find((r) => r.id === target.id);
    expect(whole?.assigned).toEqual(assigned);
  });

  it('refuses a cursor that is not one, naming the field', () => {
    const t = board();
    for (const after of ['', 'nonsense', '9|2024-07-26T16:00:00.000Z|x', '1|a|b|c'])
      expectApiError(() => t.call('listIncidentPage', { after }), 'invalid_input', /after/);
    expectApiError(() => t.call('listIncidents', { after: 'x' }), 'invalid_input', /after/);
    expectApiError(() => t.call('listIncidentPage', { limit: 5000 }), 'invalid_input', /limit/);
  });
});

/** The points as the console turns them back from the wire. */
const pointsOf = (
  t: { call: ReturnType<typeof board>['call'] },
  input: CallInput<'listIncidentPoints'>,
  desk?: Desk,
) => t.call('listIncidentPoints', input, desk).map(pointOfRow);

describe('the map’s points (listIncidentPoints)', () => {
  it('are every incident the filters match, in the board’s order, with the units working each', () => {
    const t = board();
    const target = t.call('listIncidents', {})[4];
    const unit = t.call('listUnits', {}).find((u) => u.status === 'available');
    if (!target || !unit) throw new Error('fixture');
    const working = t.call('assignUnit', { incidentId: target.id, unitId: unit.id }).incident;
    t.call('transitionIncident', { id: target.id, version: working.version, action: 'acknowledge' });
    const closed = t.call('listIncidents', {})[9];
    if (!closed) throw new Error('fixture');
    t.call('transitionIncident', {
      id: closed.id,
      version: closed.version,
      action: 'cancel',
      reason: 'hoax',
    });
    for (const input of [
      {},
      { includeClosed: true },
      { priorities: [1, 2] as (1 | 2)[] },
      { text: 'filler 1' },
    ]) {
      const rows = t.call('listIncidents', { ...input, limit: 100_000 });
      const points = pointsOf(t, input);
      expect(points.map((p) => p.id)).toEqual(rows.map((r) => r.id));
      for (const [n, p] of points.entries()) {
        const r = rows[n];
        if (!r) throw new Error('fixture');
        expect(p).toEqual({
          id: r.id,
          reference: r.reference,
          title: r.title,
          category: r.category,
          priority: r.priority,
          status: r.status,
          lat: r.lat,
          lon: r.lon,
          venueId: r.venueId,
          sector: r.sector,
          createdAt: r.createdAt,
          version: r.version,
          unitIds: r.assigned.map((a) => a.unitId),
        });
      }
    }
    const points = pointsOf(t, {});
    expect(points.find((p) => p.id === target.id)?.unitIds).toEqual([unit.id]);
    expect(points.some((p) => p.id === closed.id)).toBe(false);
    expect(pointsOf(t, { includeClosed: true }).some((p) => p.id === closed.id)).toBe(true);
  });

  it('give each desk only what is released to it, text matched on what it may read', () => {
    const m = markedOperation();
    const ids = (d: Desk, input: CallInput<'listIncidentPoints'> = { includeClosed: true }) =>
      pointsOf(m.t, input, d).map((p) => p.id);
    expect(ids(m.de)).toContain(m.all.id);
    expect(ids(m.de)).not.toContain(m.frEs.id);
    expect(ids(m.de)).not.toContain(m.frOnly.id);
    expect(ids(m.es)).toEqual(expect.arrayContaining([m.all.id, m.frEs.id]));
    expect(ids(m.es)).not.toContain(m.frOnly.id);
    expect(ids(m.officer)).toEqual(expect.arrayContaining([m.all.id, m.frEs.id, m.frOnly.id]));
    // A word found only in a note not released to the reader does not find the incident.
    expect(ids(m.de, { text: 'spanishnoteremark' })).toEqual([]);
    expect(ids(m.es, { text: 'spanishnoteremark' })).toEqual([m.all.id]);
    expect(ids(m.officer, { text: 'frenchnoteremark' })).toEqual([m.all.id]);
    // Nothing of a point not released leaks through another: the same as the board.
    for (const d of [m.de, m.es])
      expect(ids(d)).toEqual(m.t.call('listIncidents', { includeClosed: true }, d).map((i) => i.id));
  });

  it('are read only by a signed-in desk, and refuse bad input naming the field', () => {
    const t = board();
    const r = dispatch(t.app.handlers, 'listIncidentPoints', {}, createDesk());
    expect(r.ok ? 'ok' : r.error.code).toBe('unauthorized');
    expectApiError(
      () => t.call('listIncidentPoints', { priorities: [7] } as never),
      'invalid_input',
      /priorities/,
    );
    expectApiError(() => t.call('listIncidentPoints', { country: 'fr' }), 'invalid_input', /country/);
    // Points are the whole set: a page's limit or cursor is not theirs.
    expectApiError(() => t.call('listIncidentPoints', { limit: 5 } as never), 'invalid_input', /limit/);
    expectApiError(() => t.call('listIncidentPoints', { after: 'x' } as never), 'invalid_input', /after/);
  });
});
