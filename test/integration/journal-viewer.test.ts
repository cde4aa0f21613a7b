// The journal viewer's query through the contract on a real database: each filter (operator, desk,
// entity, action, operation time), paging newest first with a "before seq" cursor, clear field
// errors for bad filters, and the permission table (officers and supervisors only).
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api.js';
import type { JournalEntry } from '../../shared/domain.js';
import { createDesk } from '../../electron/services/desk.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { DEMO, signInAs } from '../support/sign-in.js';

const incident = (title: string): CallInput<'createIncident'> => ({
  category: 'other',
  priority: 3,
  title,
  source: 'radio',
  locationText: 'Pont Alexandre III',
});

const MINUTE = 60_000;

/**
 * The supervisor at D1 and the officer at D2 work ten minutes apart on the exercise clock:
 * the supervisor opens A, the officer opens B and notes on it, the supervisor changes a unit.
 */
function twoDesks() {
  const t = testApp();
  const d2 = createDesk();
  signInAs(t.call, 'supervisor', 'D1');
  signInAs(t.call, 'officer', 'D2', d2);
  const signedIn = t.call('listJournal', { limit: 1 })[0]?.seq ?? 0;
  t.real.advance(10 * MINUTE);
  const a = t.call('createIncident', incident('Sac abandonné'));
  t.real.advance(10 * MINUTE);
  const b = t.call('createIncident', incident('Rixe quai Branly'), d2);
  t.call('addIncidentNote', { incidentId: b.id, text: 'Deux blessés légers' }, d2);
  t.real.advance(10 * MINUTE);
  const unit = t.call('listUnits', {})[0];
  if (!unit) throw new Error('the exercise has no units');
  t.call('setUnitStatus', { id: unit.id, status: 'off_duty', version: unit.version });
  const all = t.call('listJournal', { limit: 1000 });
  const at = (action: string, entityId: string) => {
    const e = all.find((x) => x.action === action && x.entityId === entityId);
    if (!e) throw new Error(`no ${action} for ${entityId}`);
    return e;
  };
  // The filters are checked against the same predicate applied to the whole journal (the seeded
  // exercise's entries included), so the journal must fit in one page.
  expect(all.length).toBeLessThan(1000);
  const mine = (entries: JournalEntry[]) => entries.filter((e) => e.seq > signedIn);
  const matches = (filter: CallInput<'listJournal'>, keep: (e: JournalEntry) => boolean) => {
    const got = t.call('listJournal', { limit: 1000, ...filter });
    expect(seqs(got)).toEqual(seqs(all.filter(keep)));
    return got;
  };
  return { ...t, d2, a, b, unit, all, at, mine, matches };
}

const seqs = (entries: JournalEntry[]) => entries.map((e) => e.seq);
const actions = (entries: JournalEntry[]) => entries.map((e) => e.action);

describe('journal viewer query', () => {
  it('lists newest first and pages back with the before-seq cursor, without gaps or repeats', () => {
    const t = twoDesks();
    expect(t.all.length).toBeGreaterThan(20);
    const newestFirst = [...seqs(t.all)].sort((x, y) => y - x);
    expect(seqs(t.all)).toEqual(newestFirst);
    const paged: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = t.call('listJournal', { limit: 7, ...(before ? { beforeSeq: before } : {}) });
      expect(page.length).toBeLessThanOrEqual(7);
      paged.push(...seqs(page));
      if (page.length < 7) break;
      before = page[page.length - 1]?.seq;
    }
    expect(paged).toEqual(seqs(t.all));
    // The defaults that existing callers rely on: 100 newest.
    expect(seqs(t.call('listJournal', {}))).toEqual(seqs(t.all).slice(0, 100));
  });

  it('filters by part of the operator name, in any case, and names the role of each entry', () => {
    const t = twoDesks();
    const part = DEMO.officer.name.slice(5, 15);
    const officer = t.matches({ operator: part.toUpperCase() }, (e) => e.operator.includes(part));
    expect(officer.map((e) => e.action)).toEqual([
      'incident.note_added',
      'incident.created',
      'operator.signed_in',
    ]);
    for (const e of officer) expect(e).toMatchObject({ operator: DEMO.officer.name, role: 'watch_officer' });
    const sup = t.call('listJournal', { operator: DEMO.supervisor.name });
    expect(sup.map((e) => e.action)).toEqual([
      'unit.status_changed',
      'incident.created',
      'operator.signed_in',
    ]);
    expect(sup.every((e) => e.role === 'supervisor')).toBe(true);
    // LIKE's wildcards are taken literally.
    expect(t.call('listJournal', { operator: '%' })).toEqual([]);
    expect(t.call('listJournal', { operator: '_' })).toEqual([]);
  });

  it('filters by desk, exactly', () => {
    const t = twoDesks();
    const d2 = t.matches({ desk: 'D2' }, (e) => e.desk === 'D2');
    expect(d2.map((e) => e.action)).toEqual([
      'incident.note_added',
      'incident.created',
      'operator.signed_in',
    ]);
    expect(t.call('listJournal', { desk: 'D' })).toEqual([]);
  });

  it('filters by entity type, by entity id, and by both', () => {
    const t = twoDesks();
    const incidents = t.matches({ entityType: 'incident' }, (e) => e.entityType === 'incident');
    expect(t.mine(incidents).map((e) => `${e.action} ${e.entityId}`)).toEqual([
      `incident.note_added ${t.b.id}`,
      `incident.created ${t.b.id}`,
      `incident.created ${t.a.id}`,
    ]);
    expect(actions(t.matches({ entityId: t.b.id }, (e) => e.entityId === t.b.id))).toEqual([
      'incident.note_added',
      'incident.created',
    ]);
    const unit = t.matches(
      { entityType: 'unit', entityId: t.unit.id },
      (e) => e.entityType === 'unit' && e.entityId === t.unit.id,
    );
    expect(unit[0]).toMatchObject({ action: 'unit.status_changed', entityType: 'unit', entityId: t.unit.id });
    expect(t.call('listJournal', { entityType: 'zone', entityId: t.unit.id })).toEqual([]);
  });

  it('filters by action, exactly or by its family before the dot', () => {
    const t = twoDesks();
    const created = t.matches({ action: 'incident.created' }, (e) => e.action === 'incident.created');
    expect(t.mine(created).map((e) => e.entityId)).toEqual([t.b.id, t.a.id]);
    const family = t.matches({ action: 'incident' }, (e) => e.action.startsWith('incident.'));
    expect(actions(t.mine(family))).toEqual(['incident.note_added', 'incident.created', 'incident.created']);
    // Neither a bare prefix nor a wildcard matches more than the action named.
    expect(t.call('listJournal', { action: 'incident.create' })).toEqual([]);
    expect(t.call('listJournal', { action: 'incid' })).toEqual([]);
    expect(t.call('listJournal', { action: 'unit.status%' })).toEqual([]);
    expect(t.call('listJournal', { action: 'unit.status.changed' })).toEqual([]);
    t.matches({ action: 'unit.status_changed' }, (e) => e.action === 'unit.status_changed');
    expect(t.call('listJournal', { action: 'unit.status_changed' })[0]?.entityId).toBe(t.unit.id);
  });

  it('filters by operation time, from inclusive and to exclusive, with any offset', () => {
    const t = twoDesks();
    const a = t.at('incident.created', t.a.id);
    const b = t.at('incident.created', t.b.id);
    const status = t.at('unit.status_changed', t.unit.id);
    expect(Date.parse(b.at) - Date.parse(a.at)).toBe(10 * MINUTE);
    const window = t.matches({ from: a.at, to: status.at }, (e) => e.at >= a.at && e.at < status.at);
    expect(window.map((e) => e.action)).toEqual([
      'incident.note_added',
      'incident.created',
      'incident.created',
    ]);
    expect(seqs(t.call('listJournal', { from: status.at }))).toEqual([status.seq]);
    const before = t.call('listJournal', { to: a.at, limit: 1000 });
    expect(before.length).toBe(t.all.length - 4);
    expect(before.every((e) => e.at < a.at)).toBe(true);
    // The same instant written in Paris time (+02:00 in July).
    const paris = new Date(Date.parse(b.at) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    expect(t.call('listJournal', { from: paris, to: status.at }).map((e) => e.action)).toEqual([
      'incident.note_added',
      'incident.created',
    ]);
  });

  it('combines filters with paging', () => {
    const t = twoDesks();
    const filter = { action: 'incident.created', desk: 'D1', entityType: 'incident' };
    const first = t.call('listJournal', { ...filter, operator: 'supervisor', limit: 1 });
    expect(first.map((e) => e.entityId)).toEqual([t.a.id]);
    expect(t.call('listJournal', { ...filter, beforeSeq: first[0]?.seq ?? 0 })).toEqual([]);
    const mineByCursor = t.call('listJournal', { action: 'incident.created', desk: 'D2', limit: 1 });
    expect(mineByCursor.map((e) => e.entityId)).toEqual([t.b.id]);
    // Paging through a family: pages of 3 give what one page gives.
    const whole = t.call('listJournal', { action: 'incident', limit: 1000 });
    const paged: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = t.call('listJournal', {
        action: 'incident',
        limit: 3,
        ...(before ? { beforeSeq: before } : {}),
      });
      paged.push(...seqs(page));
      if (page.length < 3) break;
      before = page[page.length - 1]?.seq;
    }
    expect(paged).toEqual(seqs(whole));
  });

  it('refuses bad filters with the field named, and reads nothing', () => {
    const t = twoDesks();
    const a = t.at('incident.created', t.a.id);
    const backwards = expectApiError(
      () => t.call('listJournal', { from: a.at, to: a.at }),
      'invalid_input',
      /listJournal: to: must be later than from/,
    );
    expect(backwards.issues).toEqual([{ path: 'to', message: 'must be later than from' }]);
    expectApiError(() => t.call('listJournal', { from: 'yesterday' }), 'invalid_input', /from: an ISO 8601/);
    expectApiError(() => t.call('listJournal', { desk: '   ' }), 'invalid_input', /desk:/);
    expectApiError(() => t.call('listJournal', { action: 'a\nb' }), 'invalid_input', /action:/);
    expectApiError(() => t.call('listJournal', { limit: 0 }), 'invalid_input', /limit:/);
    expectApiError(() => t.call('listJournal', { limit: 1001 }), 'invalid_input', /limit:/);
    expectApiError(() => t.call('listJournal', { beforeSeq: 0 }), 'invalid_input', /beforeSeq:/);
    expectApiError(
      () => t.call('listJournal', { operater: 'x' } as unknown as CallInput<'listJournal'>),
      'invalid_input',
      /operater/,
    );
  });

  it('answers officers and supervisors only: a liaison or an observer is refused, 403', () => {
    const t = twoDesks();
    expect(t.call('listJournal', { limit: 1 }, t.d2)).toHaveLength(1);
    for (const who of ['observer', 'liaison-es'] as const) {
      const seat = createDesk();
      signInAs(t.call, who, 'D3', seat);
      expectApiError(() => t.call('listJournal', { action: 'incident' }, seat), 'forbidden', /listJournal/);
    }
    const noOne = createDesk();
    expectApiError(() => t.call('listJournal', {}, noOne), 'unauthorized');
  });
});
