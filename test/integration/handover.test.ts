// The handover report model from a fixed database: exact lists and counts, as of the window's
// end, the same bytes for the same inputs.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/domain.js';
import { canonicalJson } from '../../shared/report/canonical.js';
import { at, elise, firstShift, marc, refs, window1 } from './handover-shift.js';

describe('the handover report model', () => {
  it('lists exactly what the database held at the window end', () => {
    const t = firstShift();
    const m = t.call('previewHandover', window1);
    expect(m.schemaVersion).toBe(1);
    expect(m.status).toBe('preview');
    expect(m.header).toEqual({
      operation: { name: 'Paris 2024 — Opening ceremony', mode: 'exercise', timezone: 'Europe/Paris' },
      desk: 'D1',
      window: { from: at(0), to: at(30) },
      outgoing: { name: elise.name, role: elise.role },
      incoming: { name: marc.name, role: null },
      generatedAt: at(30),
    });
    expect(refs(m.openIncidents)).toEqual([
      'INC-0726-0004',
      'INC-0726-0009',
      'INC-0726-0001',
      'INC-0726-0002',
      'INC-0726-0006',
      'INC-0726-0007',
      'INC-0726-0008',
      'INC-0726-0010',
    ]);
    expect(m.openIncidents[1]).toEqual({
      reference: 'INC-0726-0009',
      releasability: 'RELEASABLE TO ALL PARTNERS',
      priority: 1,
      status: 'acknowledged',
      category: 'unattended_bag',
      title: 'Bag under a bench, Pont des Arts',
      createdAt: at(5),
      ageMinutes: 25,
      overdue: 'on_scene',
      location: {
        venue: null,
        sector: null,
        text: 'Quai de Conti',
        lat: 48.8583,
        lon: 2.3375,
        // The point is the bridge's own, as the route has it.
        place: { name: 'Pont des Arts', kind: 'bridge', distanceM: 0 },
      },
      units: [t.u1.callsign],
      lastNote: { at: at(5), operator: elise.name, text: 'EOD requested, 50 m perimeter' },
    });
    expect(m.openIncidents[7]?.location).toMatchObject({ venue: 'Trocadéro', sector: null });
    expect(refs(m.openedDuringWindow)).toEqual(['INC-0726-0009', 'INC-0726-0010']);
    expect(m.closedDuringWindow).toEqual([
      expect.objectContaining({ reference: 'INC-0726-0003', status: 'closed', finishedAt: at(21) }),
    ]);
    expect(m.changes).toMatchObject({ since: at(0), previousHandover: null, zonesChanged: [] });
    expect(refs(m.changes.newIncidents)).toEqual(['INC-0726-0009', 'INC-0726-0010']);
    expect(m.changes.priorityChanges).toEqual([
      { reference: 'INC-0726-0009', at: at(15), from: 2, to: 1, operator: elise.name },
    ]);
    expect(m.changes.unitsArrived).toEqual([
      { callsign: t.u3.callsign, country: t.u3.country, at: at(25), from: 'off_duty', to: 'available' },
    ]);
    expect(m.changes.unitsStoodDown).toEqual([
      { callsign: t.u2.callsign, country: t.u2.country, at: at(25), from: 'available', to: 'off_duty' },
    ]);
    expect(m.significant.map((e) => [e.subject, e.action])).toEqual([
      ['INC-0726-0009', 'incident.created'],
      ['INC-0726-0009', 'incident.acknowledge'],
      ['INC-0726-0009', 'incident.unit_assigned'],
      ['INC-0726-0009', 'incident.note_added'],
      ['INC-0726-0009', 'incident.priority_changed'],
    ]);
    expect(m.pendingActions).toEqual(window1.pendingActions);

    const units = t.call('listUnits', {});
    const byStatus = (s: Unit['status']) => units.filter((u) => u.status === s).length;
    const inWindow = t
      .call('listJournal', { limit: 1000 })
      .filter((e) => e.at > at(0) && e.at <= at(30) && e.action !== 'handover.acknowledged');
    expect(m.summary).toEqual({
      openIncidents: 8,
      openByPriority: { p1: 2, p2: 3, p3: 3, p4: 0 },
      overdue: m.openIncidents.filter((i) => i.overdue).length,
      openedDuringWindow: 2,
      closedDuringWindow: 1,
      units: units.length,
      personnel: units.reduce((n, u) => n + u.personnel, 0),
      unitsByStatus: {
        available: byStatus('available'),
        assigned: byStatus('assigned'),
        en_route: byStatus('en_route'),
        on_scene: byStatus('on_scene'),
        off_duty: byStatus('off_duty'),
        out_of_service: byStatus('out_of_service'),
      },
      stalePositions: 0,
      journalEntries: inWindow.length,
    });
    expect(m.deployment.byContingent.reduce((n, c) => n + c.units, 0)).toBe(units.length);
    expect(m.deployment.bySector.map((s) => s.sector)).toEqual(
      [...new Set(units.map((u) => u.sector))].sort((x, y) =>
        x === null ? 1 : y === null ? -1 : x < y ? -1 : 1,
      ),
    );
    expect(m.map.incidents).toHaveLength(8);
    expect(m.map.units).toHaveLength(units.filter((u) => u.lat !== null).length);
    expect(m.map.water.length).toBeGreaterThan(1);
    expect(m.map.routes).toHaveLength(1);
  });

  it('is the same bytes for the same database and inputs', () => {
    const t = firstShift();
    const a = t.call('previewHandover', window1);
    const b = t.call('previewHandover', { ...window1 });
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('accepts times with an offset, normalised to UTC', () => {
    const t = firstShift();
    const m = t.call('previewHandover', {
      ...window1,
      from: '2024-07-26T18:00:00+02:00',
      to: '2024-07-26T18:30:00+02:00',
    });
    expect(m.header.window).toEqual({ from: at(0), to: at(30) });
  });
});
