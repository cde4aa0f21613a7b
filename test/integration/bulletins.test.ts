// Bulletins through the contract, on both engines: published, listed by releasability,
// acknowledged once per desk and withdrawn, and in the handover report.
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import { expectApiError } from '../support/api-error.js';
import { signInAs } from '../support/sign-in.js';
import { notice, room } from './awareness-fixture.js';

describe('bulletins', () => {
  it('publishes, lists newest first with pending desks, and journals', () => {
    const t = room();
    const first = t.call('publishBulletin', notice, t.sup);
    expect(first).toMatchObject({
      title: notice.title,
      severity: 'warning',
      marking: null,
      ackWithinMinutes: 10,
      publishedBy: 'Demo supervisor',
      publishedDesk: 'SUP',
      publishedRole: 'supervisor',
      validUntil: null,
      withdrawnAt: null,
      version: 1,
      acks: [],
      // Every desk but the publisher's and the wall's.
      pending: ['D1', 'L-DE', 'L-ES'],
    });
    const [entry] = t.call('listJournal', { limit: 1 }, t.sup);
    expect(entry).toMatchObject({ action: 'bulletin.published', entityType: 'bulletin', entityId: first.id });
    t.real.advance(60_000);
    const second = t.call('publishBulletin', { ...notice, title: 'Second', severity: 'info' }, t.officer);
    expect(t.call('listBulletins', {}, t.officer).map((b) => b.id)).toEqual([second.id, first.id]);
    expect(second.pending).toEqual(['L-DE', 'L-ES', 'SUP']);
    // The wall reads bulletins released to all partners and is never a pending desk.
    expect(t.call('listBulletins', {}, t.wall).map((b) => b.id)).toEqual([second.id, first.id]);
  });

  it('keeps a marked bulletin from the desks it is not released to', () => {
    const t = room();
    const marked = t.call(
      'publishBulletin',
      { ...notice, title: 'Spanish VIP movement', marking: ['ES'] },
      t.sup,
    );
    expect(marked.marking).toEqual(['ES']);
    expect(marked.pending).toEqual(['D1', 'L-ES']);
    expect(t.call('listBulletins', {}, t.es).map((b) => b.id)).toEqual([marked.id]);
    expect(t.call('listBulletins', {}, t.de)).toEqual([]);
    expect(t.call('listBulletins', {}, t.wall)).toEqual([]);
    const seq = t.lastSeq();
    expectApiError(
      () => t.call('acknowledgeBulletin', { id: marked.id }, t.de),
      'not_found',
      /does not exist/,
    );
    expect(t.lastSeq()).toBe(seq);
    // A liaison may not mark a bulletin away from their own country: only OPS publish anyway.
    expectApiError(() => t.call('publishBulletin', notice, t.es), 'forbidden');
  });

  it('records each desk once: a second acknowledgement changes nothing', () => {
    const t = room();
    const b = t.call('publishBulletin', notice, t.sup);
    t.real.advance(30_000);
    const acked = t.call('acknowledgeBulletin', { id: b.id }, t.es);
    expect(acked.acks).toEqual([
      {
        desk: 'L-ES',
        operator: expect.any(String) as string,
        role: 'liaison',
        country: 'ES',
        at: expect.any(String) as string,
      },
    ]);
    expect(acked.pending).toEqual(['D1', 'L-DE']);
    const [entry] = t.call('listJournal', { limit: 1 }, t.sup);
    expect(entry).toMatchObject({ action: 'bulletin.acknowledged', entityId: b.id, desk: 'L-ES' });
    const seq = t.lastSeq();
    t.real.advance(30_000);
    expect(t.call('acknowledgeBulletin', { id: b.id }, t.es)).toEqual(acked);
    expect(t.lastSeq()).toBe(seq);
    const officer = t.call('acknowledgeBulletin', { id: b.id }, t.officer);
    expect(officer.acks.map((a) => [a.desk, a.country])).toEqual([
      ['L-ES', 'ES'],
      ['D1', null],
    ]);
    expect(officer.pending).toEqual(['L-DE']);
    expect(t.call('listBulletins', {}, t.sup)[0]?.pending).toEqual(['L-DE']);
    // Nobody at the German desk now: it cannot acknowledge, so it is not waited for.
    t.call('signOut', {}, t.de);
    expect(t.call('listBulletins', {}, t.sup)[0]?.pending).toEqual([]);
    expectApiError(() => t.call('acknowledgeBulletin', { id: b.id }, t.wall), 'forbidden');
  });

  it('refuses bad input naming the field, writing nothing', () => {
    const t = room();
    const seq = t.lastSeq();
    const now = Date.parse(t.call('publishBulletin', notice, t.sup).publishedAt);
    const after = t.lastSeq();
    expect(after).toBeGreaterThan(seq);
    const at = (ms: number) => new Date(ms).toISOString();
    expectApiError(
      () => t.call('publishBulletin', { ...notice, title: ' ' }, t.sup),
      'invalid_input',
      /title/,
    );
    expectApiError(
      () => t.call('publishBulletin', { ...notice, body: 'x'.repeat(4001) }, t.sup),
      'invalid_input',
      /body/,
    );
    const past = expectApiError(
      () => t.call('publishBulletin', { ...notice, validUntil: at(now - 60_000) }, t.sup),
      'invalid_input',
      /^validUntil: /,
    );
    expect(past.issues?.[0]?.path).toBe('validUntil');
    expectApiError(
      () =>
        t.call(
          'publishBulletin',
          { ...notice, validFrom: at(now + 7200_000), validUntil: at(now + 3600_000) },
          t.sup,
        ),
      'invalid_input',
      /validUntil: must be after/,
    );
    expectApiError(
      () => t.call('publishBulletin', { ...notice, ackWithinMinutes: 0 }, t.sup),
      'invalid_input',
      /ackWithinMinutes/,
    );
    expectApiError(
      () => t.call('publishBulletin', { ...notice, marking: ['es'] }, t.sup),
      'invalid_input',
      /marking/,
    );
    expect(t.lastSeq()).toBe(after);
    expect(t.call('listBulletins', {}, t.sup)).toHaveLength(1);
  });

  it('ends at validUntil, and lists ended ones for 12 hours with recent', () => {
    const t = room();
    const now = Date.parse(t.call('getAlertLevel', {}, t.sup).setAt ?? '');
    const short = t.call(
      'publishBulletin',
      { ...notice, validUntil: new Date(now + 3600_000 * 2).toISOString() },
      t.sup,
    );
    const later = t.call(
      'publishBulletin',
      { ...notice, title: 'From later', validFrom: new Date(now + 3600_000 * 5).toISOString() },
      t.sup,
    );
    expect(t.call('listBulletins', {}, t.sup).map((b) => b.id)).toEqual([short.id]);
    t.real.advance(3600_000 * 3);
    expect(t.call('listBulletins', {}, t.sup)).toEqual([]);
    expect(t.call('listBulletins', { recent: true }, t.sup).map((b) => b.id)).toEqual([short.id]);
    t.real.advance(3600_000 * 3);
    expect(t.call('listBulletins', {}, t.sup).map((b) => b.id)).toEqual([later.id]);
    t.real.advance(3600_000 * 12);
    expect(t.call('listBulletins', { recent: true }, t.sup).map((b) => b.id)).toEqual([later.id]);
  });

  it('is withdrawn by its desk or a supervisor, optimistic on version', () => {
    const t = room();
    const b = t.call('publishBulletin', notice, t.officer);
    const other = createDesk();
    signInAs(t.call, 'officer', 'D2', other);
    const seq = t.lastSeq();
    expectApiError(
      () => t.call('withdrawBulletin', { id: b.id, version: 1, reason: 'Done' }, other),
      'forbidden',
      /D1/,
    );
    expectApiError(
      () => t.call('withdrawBulletin', { id: b.id, version: 1, reason: '' }, t.officer),
      'invalid_input',
      /reason/,
    );
    const stale = expectApiError(
      () => t.call('withdrawBulletin', { id: b.id, version: 2, reason: 'Done' }, t.sup),
      'conflict',
      /another desk/,
    );
    expect(stale.current).toMatchObject({ id: b.id, version: 1 });
    expect(t.lastSeq()).toBe(seq);
    const gone = t.call('withdrawBulletin', { id: b.id, version: 1, reason: 'Parade started' }, t.sup);
    expect(gone).toMatchObject({ version: 2, withdrawnAt: expect.any(String) as string });
    const [entry] = t.call('listJournal', { limit: 1 }, t.sup);
    expect(entry).toMatchObject({
      action: 'bulletin.withdrawn',
      entityId: b.id,
      data: { reason: 'Parade started' },
    });
    expect(t.call('listBulletins', {}, t.officer)).toEqual([]);
    expect(t.call('listBulletins', { recent: true }, t.officer).map((x) => x.id)).toEqual([b.id]);
    expectApiError(
      () => t.call('withdrawBulletin', { id: b.id, version: 2, reason: 'Again' }, t.officer),
      'conflict',
      /already withdrawn/,
    );
  });
});

describe('the handover report', () => {
  it('prints the alert level and the bulletins of the window with their acknowledgements', () => {
    const t = room();
    t.real.advance(60_000);
    t.call('setAlertLevel', { level: 'securite_renforcee', reason: 'Ceremony over', version: 1 }, t.sup);
    const marked = t.call(
      'publishBulletin',
      { ...notice, title: 'Spanish VIP', marking: ['ES'], severity: 'critical' },
      t.sup,
    );
    t.real.advance(1000);
    const open = t.call('publishBulletin', notice, t.sup);
    t.call('acknowledgeBulletin', { id: open.id }, t.officer);
    t.call('acknowledgeBulletin', { id: marked.id }, t.es);
    t.real.advance(60_000);
    const w = t.call('suggestHandoverWindow', {}, t.sup);
    const report = t.call(
      'previewHandover',
      { from: w.from, to: w.to, pendingActions: [], lang: 'en' },
      t.sup,
    );
    expect(report.alertLevel).toMatchObject({
      scale: 'vigipirate',
      level: 'securite_renforcee',
      setBy: 'Demo supervisor',
      reason: 'Ceremony over',
    });
    expect(
      report.bulletins?.map((b) => [
        b.title,
        b.severity,
        b.acknowledged,
        b.expected,
        b.pending,
        b.releasability,
      ]),
    ).toEqual([
      ['Spanish VIP', 'critical', 1, 2, ['D1'], 'RELEASABLE TO FR, ES'],
      [notice.title, 'warning', 1, 3, ['L-DE', 'L-ES'], 'RELEASABLE TO ALL PARTNERS'],
    ]);
  });
});
