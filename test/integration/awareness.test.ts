// The room's desks and the alerts a desk acknowledges (electron/services/awareness.ts), through the
// contract on a real database (both engines: see vitest.config.ts PG_SERVICE_TESTS).
import { describe, expect, it } from 'vitest';
import { NOT_FOR_WALL } from '../../electron/services/access.js';
import { createDesk } from '../../electron/services/desk.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { signInAs } from '../support/sign-in.js';

const HOUR = 3_600_000;

function room() {
  const t = testApp();
  const joc = createDesk();
  const es = createDesk();
  const wall = createDesk();
  signInAs(t.call, 'officer', 'JOC-1', joc);
  signInAs(t.call, 'liaison-es', 'ES-LNO', es);
  signInAs(t.call, 'wall', 'Wall', wall);
  return { ...t, joc, es, wall };
}

const head = (t: ReturnType<typeof room>) => t.call('listJournal', { limit: 1 }, t.joc)[0]?.seq ?? 0;

describe('the room’s desks', () => {
  it('lists each desk with its latest sign-in: who, role, contingent, country, signed in or not', () => {
    const t = room();
    const desks = t.call('listDesks', {}, t.joc);
    expect(desks.map((d) => d.desk)).toEqual(['ES-LNO', 'JOC-1', 'Wall']);
    const es = desks.find((d) => d.desk === 'ES-LNO');
    expect(es).toMatchObject({
      role: 'liaison',
      contingentId: expect.any(String),
      country: 'ES',
      signedIn: true,
    });
    expect(desks.find((d) => d.desk === 'JOC-1')).toMatchObject({ role: 'watch_officer', signedIn: true });
    // Someone else takes the JOC-1 seat: the desk shows its latest sign-in, still one line.
    t.real.advance(60_000);
    const relief = createDesk();
    signInAs(t.call, 'supervisor', 'JOC-1', relief);
    const after = t.call('listDesks', {}, t.joc).filter((d) => d.desk === 'JOC-1');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ role: 'supervisor', signedIn: true });
    // Signed out: still a desk of the room, no longer staffed.
    t.call('signOut', {}, t.es);
    expect(t.call('listDesks', {}, t.joc).find((d) => d.desk === 'ES-LNO')?.signedIn).toBe(false);
  });

  it('tells the wall the desks but not who sits at them', () => {
    const t = room();
    const seen = t.call('listDesks', {}, t.wall);
    expect(seen.map((d) => d.desk)).toEqual(['ES-LNO', 'JOC-1', 'Wall']);
    expect(seen.every((d) => d.operator === NOT_FOR_WALL)).toBe(true);
  });
});

describe('acknowledging an alert', () => {
  it('records who took it at which desk, journaled once; a second acknowledgement answers the first', () => {
    const t = room();
    const before = head(t);
    const ack = t.call('acknowledgeAlert', { key: 'incident:01J0000000000000000000000:p1' }, t.joc);
    expect(ack).toMatchObject({
      key: 'incident:01J0000000000000000000000:p1',
      desk: 'JOC-1',
      operator: 'Demo watch officer',
    });
    const entries = t.call('listJournal', { limit: 5 }, t.joc).filter((e) => e.seq > before);
    expect(entries.map((e) => [e.action, e.entityType, e.entityId, e.desk, e.role])).toEqual([
      ['alert.acknowledged', 'alert', ack.key, 'JOC-1', 'watch_officer'],
    ]);
    t.real.advance(5_000);
    expect(t.call('acknowledgeAlert', { key: ack.key }, t.joc)).toEqual(ack);
    expect(head(t)).toBe(before + 1);
    // Another desk takes the same alert for itself.
    const theirs = t.call('acknowledgeAlert', { key: ack.key }, t.es);
    expect(theirs.desk).toBe('ES-LNO');
    expect(t.call('listAlertAcks', {}, t.joc).map((a) => [a.key, a.desk])).toEqual([
      [ack.key, 'JOC-1'],
      [ack.key, 'ES-LNO'],
    ]);
  });

  it('lists only the last 12 hours of operation time', () => {
    const t = room();
    t.call('acknowledgeAlert', { key: 'bulletin:old' }, t.joc);
    t.real.advance(13 * HOUR);
    t.call('acknowledgeAlert', { key: 'bulletin:new' }, t.joc);
    expect(t.call('listAlertAcks', {}, t.joc).map((a) => a.key)).toEqual(['bulletin:new']);
  });

  it('refuses a malformed key naming the field, and the wall, writing nothing', () => {
    const t = room();
    const before = head(t);
    for (const key of ['', 'no colon', 'x'.repeat(121), 'incident:a b'])
      expectApiError(() => t.call('acknowledgeAlert', { key }, t.joc), 'invalid_input', /key/);
    expectApiError(
      () => t.call('acknowledgeAlert', { key: 'incident:x:p1' }, t.wall),
      'forbidden',
      /wall may not acknowledgeAlert/,
    );
    // The refusal of the wall is journaled as a security event; nothing else is.
    const after = t.call('listJournal', { limit: 10 }, t.joc).filter((e) => e.seq > before);
    expect(after.every((e) => e.action !== 'alert.acknowledged')).toBe(true);
    expect(t.call('listAlertAcks', {}, t.joc)).toEqual([]);
  });
});
