// Requests between desks through the contract on a real database: sent to a desk, a role or a
// contingent, seen by the desks they are to, answered and cancelled only by who may, optimistic
// versions, journaled; bad input refused naming the field with nothing written.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { CallInput } from '../../shared/api.js';
import { iso } from '../../shared/clock.js';
import { createDesk } from '../../electron/services/desk.js';
import type { Db } from '../../electron/store/db.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { signInAs } from '../support/sign-in.js';

const MIN = 60_000;

function room() {
  const t = testApp();
  const joc = createDesk();
  const es = createDesk();
  const de = createDesk();
  const sup = createDesk();
  signInAs(t.call, 'officer', 'JOC-1', joc);
  signInAs(t.call, 'liaison-es', 'ES-LNO', es);
  signInAs(t.call, 'liaison-de', 'DE-LNO', de);
  signInAs(t.call, 'supervisor', 'SUP', sup);
  const now = () => t.app.ctx.clock.now();
  const inMin = (m: number) => iso(now() + m * MIN);
  const send = (input: CallInput<'sendRequest'>, d = joc) => t.call('sendRequest', input, d);
  const journal = () => t.call('listJournal', { limit: 20 }, joc);
  return { ...t, joc, es, de, sup, now, inMin, send, journal };
}

/** A digest of every table but the journal, and the journal's head: equal, nothing written. */
function state(db: Db): string {
  const names = (db.prepare(db.dialect.listTables).all() as { name: string }[]).map((n) => n.name);
  const h = createHash('sha256');
  for (const name of names)
    h.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM ${name} ORDER BY 1`).all()));
  return h.digest('hex');
}

describe('sending a request', () => {
  it('to a desk (named in any case): stored under the room’s spelling, journaled, seen by that desk', () => {
    const t = room();
    const r = t.send({
      text: '  Two public-order sections to Trocadéro  ',
      target: { kind: 'desk', value: 'es-lno' },
      byAt: t.inMin(30),
    });
    expect(r).toMatchObject({
      text: 'Two public-order sections to Trocadéro',
      target: { kind: 'desk', value: 'ES-LNO' },
      targetLabel: 'ES-LNO',
      status: 'open',
      fromDesk: 'JOC-1',
      fromOperator: 'Demo watch officer',
      fromRole: 'watch_officer',
      version: 1,
    });
    expect(r.byAt).toBe(t.inMin(30));
    const entry = t.journal()[0];
    expect(entry).toMatchObject({
      action: 'request.sent',
      entityType: 'request',
      entityId: r.id,
      desk: 'JOC-1',
      operator: 'Demo watch officer',
    });
    expect(t.call('listRequests', {}, t.es).map((x) => x.id)).toEqual([r.id]);
    // Not to the German liaison, not from them.
    expect(t.call('listRequests', {}, t.de)).toEqual([]);
    // Host staff see every request.
    expect(t.call('listRequests', {}, t.sup).map((x) => x.id)).toEqual([r.id]);
  });

  it('to a role and to a contingent: reach the desks of that role or contingent; labels read well', () => {
    const t = room();
    const toLiaisons = t.send({
      text: 'Liaisons: confirm your headcounts',
      target: { kind: 'role', value: 'liaison' },
    });
    const toEs = t.send({ text: 'K9 team to Pont d’Iéna', target: { kind: 'contingent', value: 'es-pn' } });
    expect(toLiaisons.targetLabel).toBe('liaison');
    expect(toEs.targetLabel).toBe('ES · Policía Nacional');
    // Newest first.
    expect(t.call('listRequests', {}, t.es).map((x) => x.id)).toEqual([toEs.id, toLiaisons.id]);
    expect(t.call('listRequests', {}, t.de).map((x) => x.id)).toEqual([toLiaisons.id]);
    // A liaison's own request is listed as sent by their desk.
    const fromDe = t.send(
      { text: 'Relief for our patrol', target: { kind: 'role', value: 'watch_officer' } },
      t.de,
    );
    expect(t.call('listRequests', {}, t.de).map((x) => x.id)).toEqual([fromDe.id, toLiaisons.id]);
    expect(t.call('listRequests', {}, t.es).map((x) => x.id)).not.toContain(fromDe.id);
  });

  it('about an incident: carries its reference; a partner the incident is not released to never reads it', () => {
    const t = room();
    const open = t.call(
      'createIncident',
      {
        category: 'disorder',
        priority: 2,
        title: 'Scuffle at Trocadéro',
        source: 'radio',
        locationText: 'Trocadéro',
      },
      t.joc,
    );
    const hidden = t.call(
      'createIncident',
      {
        category: 'other',
        priority: 3,
        title: 'DE only',
        source: 'radio',
        locationText: 'Bercy',
        marking: ['DE'],
      },
      t.joc,
    );
    const a = t.send({
      text: 'Sections to Trocadéro',
      target: { kind: 'desk', value: 'ES-LNO' },
      incidentId: open.id,
    });
    expect(a.incidentReference).toBe(open.reference);
    const b = t.send({
      text: 'Check the Bercy gate',
      target: { kind: 'desk', value: 'ES-LNO' },
      incidentId: hidden.id,
    });
    const seen = t.call('listRequests', {}, t.es);
    expect(seen.find((x) => x.id === a.id)?.incidentReference).toBe(open.reference);
    // The request reaches its desk, without the incident it may not see.
    expect(seen.find((x) => x.id === b.id)).toMatchObject({ incidentId: null, incidentReference: null });
    // And a liaison cannot tie a request to it: answered as a missing incident.
    expectApiError(
      () =>
        t.send(
          { text: 'About Bercy', target: { kind: 'role', value: 'supervisor' }, incidentId: hidden.id },
          t.es,
        ),
      'not_found',
      /Incident .* does not exist/,
    );
  });
});

describe('answering and cancelling', () => {
  it('accept then done by the receiving desk, journaled with who answered', () => {
    const t = room();
    const r = t.send({ text: 'Sections to Trocadéro', target: { kind: 'desk', value: 'ES-LNO' } });
    const accepted = t.call('answerRequest', { id: r.id, version: r.version, answer: 'accept' }, t.es);
    expect(accepted).toMatchObject({
      status: 'accepted',
      answeredBy: 'Demo liaison (Policía Nacional)',
      answeredDesk: 'ES-LNO',
      version: 2,
    });
    expect(accepted.answeredAt).toBe(iso(t.now()));
    expect(t.journal()[0]).toMatchObject({ action: 'request.accepted', entityId: r.id, desk: 'ES-LNO' });
    const done = t.call('answerRequest', { id: r.id, version: 2, answer: 'done' }, t.es);
    expect(done).toMatchObject({ status: 'done', version: 3, doneAt: iso(t.now()) });
    expect(t.journal()[0]).toMatchObject({ action: 'request.done', entityId: r.id });
    // Every write journaled with its after-image: the journal replays to the tables.
    const verified = t.call('verify', {}, t.sup);
    expect(verified.ok, JSON.stringify(verified.replay)).toBe(true);
    expect(verified.replay).toMatchObject({ ok: true, checked: true });
    // Closed: gone from the open list, kept in the recent one.
    expect(t.call('listRequests', {}, t.es)).toEqual([]);
    expect(t.call('listRequests', { closed: true }, t.es).map((x) => x.status)).toEqual(['done']);
    // Done is final.
    expectApiError(
      () => t.call('answerRequest', { id: r.id, version: 3, answer: 'accept' }, t.es),
      'conflict',
      /is done: only a request that is open can be accepted/,
    );
  });

  it('only the desk it is to, or a supervisor, may answer; only the sender, or a supervisor, may cancel', () => {
    const t = room();
    const r = t.send({ text: 'Sections to Trocadéro', target: { kind: 'desk', value: 'ES-LNO' } });
    const before = state(t.app.ctx.db);
    expectApiError(
      () => t.call('answerRequest', { id: r.id, version: 1, answer: 'accept' }, t.de),
      'forbidden',
      /addressed to \(ES-LNO\) or a supervisor/,
    );
    expectApiError(
      () => t.call('answerRequest', { id: r.id, version: 1, answer: 'accept' }, t.joc),
      'forbidden',
    );
    expectApiError(
      () => t.call('cancelRequest', { id: r.id, version: 1 }, t.es),
      'forbidden',
      /sent this request \(JOC-1\)/,
    );
    expect(state(t.app.ctx.db)).toBe(before);
    const declined = t.call(
      'answerRequest',
      { id: r.id, version: 1, answer: 'decline', reason: 'No section free before 20:00' },
      t.sup,
    );
    expect(declined).toMatchObject({
      status: 'declined',
      reason: 'No section free before 20:00',
      answeredDesk: 'SUP',
    });
    expect(t.journal()[0]).toMatchObject({ action: 'request.declined', desk: 'SUP' });

    const r2 = t.send({ text: 'Relief for PT patrol', target: { kind: 'role', value: 'liaison' } });
    const cancelled = t.call('cancelRequest', { id: r2.id, version: 1, reason: 'sorted by radio' }, t.joc);
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: 'sorted by radio', version: 2 });
    expect(t.journal()[0]).toMatchObject({ action: 'request.cancelled', entityId: r2.id, desk: 'JOC-1' });
    expectApiError(
      () => t.call('cancelRequest', { id: r2.id, version: 2 }, t.joc),
      'conflict',
      /is cancelled/,
    );
    // A supervisor may cancel another desk's request.
    const r3 = t.send(
      { text: 'Interpreter to gate B', target: { kind: 'contingent', value: 'de-bpol' } },
      t.es,
    );
    expect(t.call('cancelRequest', { id: r3.id, version: 1 }, t.sup).status).toBe('cancelled');
  });

  it('a stale version is a conflict carrying the current request; nothing written', () => {
    const t = room();
    const r = t.send({ text: 'Sections to Trocadéro', target: { kind: 'desk', value: 'ES-LNO' } });
    t.call('answerRequest', { id: r.id, version: 1, answer: 'accept' }, t.es);
    const before = state(t.app.ctx.db);
    const err = expectApiError(
      () => t.call('cancelRequest', { id: r.id, version: 1 }, t.joc),
      'conflict',
      /version 2, yours 1/,
    );
    expect(err.current).toMatchObject({ id: r.id, status: 'accepted', version: 2 });
    expect(state(t.app.ctx.db)).toBe(before);
  });
});

describe('bad input: invalid_input naming the field, nothing written', () => {
  const cases: [string, (t: ReturnType<typeof room>) => unknown, string, RegExp][] = [
    ['empty text', (t) => t.send({ text: '   ', target: { kind: 'desk', value: 'ES-LNO' } }), 'text', /text/],
    [
      'oversized text',
      (t) => t.send({ text: 'x'.repeat(501), target: { kind: 'desk', value: 'ES-LNO' } }),
      'text',
      /text/,
    ],
    [
      'unknown desk',
      (t) => t.send({ text: 'Help', target: { kind: 'desk', value: 'NOWHERE' } }),
      'target.value',
      /no desk named NOWHERE in this room: known desks are DE-LNO, ES-LNO, JOC-1, SUP/,
    ],
    [
      'the wall as a role',
      (t) => t.send({ text: 'Help', target: { kind: 'role', value: 'wall' } }),
      'target.value',
      /no role wall/,
    ],
    [
      'unknown contingent',
      (t) => t.send({ text: 'Help', target: { kind: 'contingent', value: 'xx-none' } }),
      'target.value',
      /no contingent xx-none: known contingents are .*es-pn/,
    ],
    [
      'a by-time in the past',
      (t) => t.send({ text: 'Help', target: { kind: 'desk', value: 'ES-LNO' }, byAt: t.inMin(-1) }),
      'byAt',
      /byAt: the time it is needed by must be in the future/,
    ],
    [
      'an unknown venue',
      (t) => t.send({ text: 'Help', target: { kind: 'desk', value: 'ES-LNO' }, venueId: 'no-venue' }),
      'venueId',
      /no venue no-venue/,
    ],
    [
      'a decline without a reason',
      (t) => {
        const r = t.send({ text: 'Help', target: { kind: 'desk', value: 'ES-LNO' } });
        return () => t.call('answerRequest', { id: r.id, version: 1, answer: 'decline' }, t.es);
      },
      'reason',
      /reason/,
    ],
  ];
  it.each(cases)('%s', (_name, act, field, message) => {
    const t = room();
    // A case may first set up a request, then return the call that must fail.
    let call = () => act(t);
    if (_name.startsWith('a decline')) call = act(t) as () => unknown;
    const before = state(t.app.ctx.db);
    const err = expectApiError(call, 'invalid_input', message);
    expect(err.issues?.map((i) => i.path)).toContain(field);
    expect(state(t.app.ctx.db)).toBe(before);
  });
});

describe('the handover report', () => {
  it('lists the requests open or accepted at the window’s end, the most pressing first, overdue flagged', () => {
    const t = room();
    const inc = t.call(
      'createIncident',
      { category: 'disorder', priority: 2, title: 'Scuffle', source: 'radio', locationText: 'Trocadéro' },
      t.joc,
    );
    const late = t.send({
      text: 'Sections to Trocadéro',
      target: { kind: 'desk', value: 'ES-LNO' },
      byAt: t.inMin(10),
      incidentId: inc.id,
    });
    const accepted = t.send({
      text: 'K9 to Iéna',
      target: { kind: 'role', value: 'supervisor' },
      byAt: t.inMin(60),
    });
    t.call('answerRequest', { id: accepted.id, version: 1, answer: 'accept' }, t.sup);
    const done = t.send({ text: 'Radio check', target: { kind: 'desk', value: 'ES-LNO' } });
    t.call('answerRequest', { id: done.id, version: 1, answer: 'done' }, t.es);
    const cancelled = t.send({ text: 'Never mind', target: { kind: 'desk', value: 'DE-LNO' } });
    t.call('cancelRequest', { id: cancelled.id, version: 1 }, t.joc);
    t.send({ text: 'Headcount', target: { kind: 'contingent', value: 'es-pn' } });
    t.real.advance(20 * MIN);
    const to = iso(t.now());
    const model = t.call(
      'previewHandover',
      { from: iso(t.now() - 60 * MIN), to, pendingActions: [], lang: 'en' },
      t.joc,
    );
    expect(model.openRequests).toEqual([
      {
        from: 'JOC-1',
        to: 'ES-LNO',
        toKind: 'desk',
        text: 'Sections to Trocadéro',
        byAt: late.byAt,
        overdue: true,
        incidentReference: inc.reference,
        status: 'open',
        createdAt: late.createdAt,
      },
      expect.objectContaining({ to: 'supervisor', toKind: 'role', status: 'accepted', overdue: false }),
      expect.objectContaining({ to: 'ES · Policía Nacional', toKind: 'contingent', byAt: null }),
    ]);
  });
});
