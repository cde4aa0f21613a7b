// Acknowledging a handover: the incoming officer's own sign-in, the journal entry with the hash and
// both names, byte-identical re-export, "changes since the last handover" next time, and an old window rebuilt as it was.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/report/canonical.js';
import { expectApiError } from '../support/api-error.js';
import { pdfText } from '../support/pdf-text.js';
import { addPerson, DEMO } from '../support/sign-in.js';
import { ackBy, at, content, elise, firstShift, marc, refs, sha256, window1 } from './handover-shift.js';

describe('acknowledging a handover', () => {
  it('stores the report and journals its hash and both names in one entry', () => {
    const t = firstShift();
    const preview = t.call('previewHandover', window1);
    const { handover, report } = t.call('acknowledgeHandover', ackBy(t.people.marc));
    expect(report.status).toBe('acknowledged');
    // The incoming officer is named by their account, whatever the preview typed.
    expect(report.header.incoming).toEqual({ name: marc.name, role: marc.role });
    expect(
      content({
        ...report,
        status: 'preview',
        // The journal's head is printed in the acknowledged report only (head-anchor tests).
        header: { ...report.header, incoming: preview.header.incoming, journalHead: undefined },
      }),
    ).toBe(content(preview));
    expect(preview.header.journalHead).toBeUndefined();
    expect(handover.contentHash).toBe(sha256(canonicalJson(report)));
    expect(handover).toMatchObject({
      desk: 'D1',
      from: at(0),
      to: at(30),
      outgoing: { name: elise.name, role: elise.role },
      incoming: { name: marc.name, role: marc.role },
      lang: 'en',
      acknowledgedAt: at(30),
    });
    const [entry] = t.call('listJournal', { limit: 1 });
    expect(entry).toMatchObject({
      seq: handover.journalSeq,
      action: 'handover.acknowledged',
      entityType: 'handover',
      entityId: handover.id,
      // The acknowledgement is the incoming officer's, who is now signed in at the desk.
      operator: marc.name,
      desk: 'D1',
      data: {
        contentHash: handover.contentHash,
        outgoing: elise.name,
        incoming: marc.name,
        incomingRole: marc.role,
        from: at(0),
        to: at(30),
      },
    });
    expect(t.call('getSession', {}).operator).toMatchObject({ name: marc.name, desk: 'D1' });
    expect(t.call('verify', {}).journal.ok).toBe(true);
    expect(t.call('listHandovers', {})).toEqual([handover]);
  });

  it('re-exports byte-identical, however the database changes afterwards', async () => {
    const t = firstShift();
    const { handover } = t.call('acknowledgeHandover', ackBy(t.people.marc));
    const exported = (format: 'pdf' | 'html' | 'md' | 'json') =>
      t.call('exportHandover', { id: handover.id, format });
    const json = exported('json');
    expect(json).toMatchObject({ filename: 'handover-D1-20240726-1630Z-en.json', mime: 'application/json' });
    expect(sha256(Buffer.from(json.base64, 'base64'))).toBe(handover.contentHash);
    const first = { pdf: exported('pdf'), html: exported('html'), md: exported('md') };
    expect(first.pdf.mime).toBe('application/pdf');
    expect(Buffer.from(first.md.base64, 'base64').toString('utf8')).toContain(
      `SHA-256 ${handover.contentHash}`,
    );

    t.step(5);
    t.call('createIncident', {
      category: 'other',
      priority: 1,
      title: 'Later',
      source: 'radio',
      locationText: 'Bercy',
    });
    t.call('updateIncident', { id: t.a.id, version: t.incident(t.a.id).version, priority: 4 });
    for (const format of ['pdf', 'html', 'md', 'json'] as const) {
      expect(exported(format).base64, format).toBe((format === 'json' ? json : first[format]).base64);
    }

    const text = await pdfText(Buffer.from(first.pdf.base64, 'base64'));
    for (const ref of ['0004', '0009', '0001', '0002', '0006', '0007', '0008', '0010'])
      expect(text).toContain(`INC-0726-${ref}`);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain(handover.contentHash);
  });

  it('next time reports the changes since that handover, and rebuilds an old window as it was', () => {
    const t = firstShift();
    const before = t.call('previewHandover', window1);
    // Marc acknowledges with his own sign-in: the desk is his from then on.
    const { handover: first } = t.call('acknowledgeHandover', ackBy(t.people.marc));
    t.step(1);
    expect(t.call('suggestHandoverWindow', {})).toMatchObject({
      desk: 'D1',
      from: at(30),
      to: at(31),
      previous: first,
    });
    t.step(4);
    const c = t.call('createIncident', {
      category: 'crowd_surge',
      priority: 1,
      title: 'Surge at Pont Neuf',
      source: 'radio',
      lat: 48.8575,
      lon: 2.3415,
    });
    t.step(1);
    t.call('updateIncident', { id: t.a.id, version: t.incident(t.a.id).version, priority: 2 });
    t.step(1);
    t.call('setUnitStatus', { id: t.u2.id, status: 'available', version: t.unit(t.u2).version });
    t.call('setUnitStatus', { id: t.u4.id, status: 'out_of_service', version: t.unit(t.u4).version });
    t.step(3);
    t.call('assignUnit', { incidentId: c.id, unitId: t.u1.id, confirmReassign: true });
    t.step(5);

    const m = t.call('previewHandover', {
      ...window1,
      from: at(30),
      to: at(45),
      incomingName: 'Cdt. Anne Leroy',
    });
    expect(m.changes.since).toBe(at(30));
    expect(m.changes.previousHandover).toEqual({
      id: first.id,
      to: at(30),
      acknowledgedAt: at(30),
      outgoing: elise.name,
      incoming: marc.name,
    });
    expect(refs(m.changes.newIncidents)).toEqual(['INC-0726-0011']);
    expect(m.changes.priorityChanges).toEqual([
      { reference: 'INC-0726-0009', at: at(36), from: 1, to: 2, operator: marc.name },
    ]);
    expect(m.changes.unitsArrived.map((u) => [u.callsign, u.from, u.to])).toEqual([
      [t.u2.callsign, 'off_duty', 'available'],
    ]);
    expect(m.changes.unitsStoodDown.map((u) => [u.callsign, u.from, u.to])).toEqual([
      [t.u4.callsign, 'available', 'out_of_service'],
    ]);
    expect(m.significant.filter((e) => e.action === 'unit.reassigned')).toEqual([
      expect.objectContaining({
        subject: t.u1.callsign,
        detail: { from: 'INC-0726-0009', to: 'INC-0726-0011', text: null },
      }),
    ]);
    expect(m.openIncidents.find((i) => i.reference === 'INC-0726-0011')?.units).toEqual([t.u1.callsign]);
    expect(m.openIncidents.find((i) => i.reference === 'INC-0726-0009')).toMatchObject({
      priority: 2,
      units: [],
    });
    // 45 minutes after the seeded fixes, every unit still reporting is stale.
    const reporting = t
      .call('listUnits', {})
      .filter((u) => u.lat !== null && u.status !== 'off_duty' && u.status !== 'out_of_service');
    expect(m.summary.stalePositions).toBe(reporting.length);

    // The first window again, now: as it stood at 16:30, not as it is.
    expect(content(t.call('previewHandover', window1))).toBe(content(before));

    // An overlapping window still reads its changes from the last handover's end.
    const overlap = t.call('previewHandover', { ...window1, from: at(20), to: at(45) });
    expect(overlap.changes.since).toBe(at(30));
    expect(refs(overlap.openedDuringWindow)).toEqual(['INC-0726-0011']);

    const anne = addPerson(t.app.ctx, 'Cdt. Anne Leroy');
    const { handover: second } = t.call('acknowledgeHandover', {
      ...ackBy(anne),
      from: at(30),
      to: at(45),
    });
    expect(second.incoming.name).toBe('Cdt. Anne Leroy');
    expect(t.call('listHandovers', {}).map((h) => h.id)).toEqual([second.id, first.id]);
    expect(t.call('listHandovers', { desk: 'D2' })).toEqual([]);
  });

  it('refuses a window that does not end after the desk’s last handover', () => {
    const t = firstShift();
    t.call('acknowledgeHandover', ackBy(t.people.marc));
    const seq = t.call('listJournal', { limit: 1 })[0]?.seq;
    // Marc, now on watch, hands the same window back to Élise: refused, nothing written.
    expectApiError(
      () => t.call('acknowledgeHandover', ackBy(t.people.elise)),
      'conflict',
      /already handed over up to/,
    );
    expectApiError(() => t.call('acknowledgeHandover', { ...ackBy(t.people.elise), to: at(25) }), 'conflict');
    expect(t.call('getSession', {}).operator?.name).toBe(marc.name);
    expect(t.call('listJournal', { limit: 1 })[0]?.seq).toBe(seq);
    expect(t.call('listHandovers', {})).toHaveLength(1);
  });

  it('is acknowledged only by another officer’s own sign-in, allowed to take the desk', () => {
    const t = firstShift();
    const seq = () => t.call('listJournal', { limit: 1 })[0]?.seq ?? 0;
    const before = seq();
    // A wrong passphrase: refused, and journaled as a failed sign-in of that login (nothing else).
    const wrong = { ...t.people.marc, passphrase: 'not-marc-s-passphrase' };
    expectApiError(() => t.call('acknowledgeHandover', ackBy(wrong)), 'unauthorized', /not recognised/);
    expect(t.call('listJournal', { limit: 10 }).filter((e) => e.seq > before)).toEqual([
      expect.objectContaining({ action: 'operator.sign_in_failed', entityId: t.people.marc.login }),
    ]);
    // The outgoing officer cannot acknowledge their own handover.
    const own = expectApiError(() => t.call('acknowledgeHandover', ackBy(t.people.elise)), 'invalid_input');
    expect(own.issues?.map((i) => i.path)).toEqual(['incomingLogin']);
    // A liaison may not take a watch officer's desk: refused and journaled under the outgoing.
    const afterOwn = seq();
    expectApiError(() => t.call('acknowledgeHandover', ackBy(DEMO['liaison-es'])), 'forbidden', /liaison/);
    expect(t.call('listJournal', { limit: 1 })[0]).toMatchObject({
      seq: afterOwn + 1,
      action: 'operator.permission_refused',
      operator: elise.name,
      entityId: 'acknowledgeHandover',
    });
    expect(t.call('listHandovers', {})).toEqual([]);
    expect(t.call('getSession', {}).operator?.name).toBe(elise.name);
    // A supervisor may take it.
    const { handover } = t.call('acknowledgeHandover', ackBy(DEMO.supervisor));
    expect(handover.incoming).toEqual({ name: DEMO.supervisor.name, role: 'supervisor' });
    expect(t.call('getSession', {}).operator).toMatchObject({
      name: DEMO.supervisor.name,
      role: 'supervisor',
    });
  });

  it('keeps acknowledged handovers final in the database', () => {
    const t = firstShift();
    const { handover } = t.call('acknowledgeHandover', ackBy(t.people.marc));
    expect(() =>
      t.app.db.prepare("UPDATE handovers SET incoming_name = 'x' WHERE id = ?").run(handover.id),
    ).toThrow(/final/);
    expect(() => t.app.db.prepare('DELETE FROM handovers WHERE id = ?').run(handover.id)).toThrow(/final/);
  });
});
