// Releasability on the writing side: a marking is set, changed (journaled, optimistic like every
// edit) and checked; a liaison's own incidents stay theirs to read.
import { describe, expect, it } from 'vitest';
import { expectApiError } from '../support/api-error.js';
import { markedOperation } from './releasability-fixture.js';

const bag = {
  category: 'unattended_bag' as const,
  priority: 3 as const,
  title: 'Sac oublié porte Rapp',
  source: 'partner_agency' as const,
  locationText: 'Porte Rapp',
};

describe('releasability: setting and changing markings', () => {
  it('journals a change of an incident’s marking, from and to, under the version check', () => {
    const m = markedOperation();
    const before = m.t.call('getIncident', { id: m.frEs.id }).incident;
    const after = m.t.call('updateIncident', {
      id: before.id,
      version: before.version,
      marking: ['DE', 'ES'],
    });
    expect(after.marking).toEqual(['DE', 'ES']);
    expect(after.version).toBe(before.version + 1);
    const entry = m.t.call('listJournal', { entityId: before.id, limit: 5 })[0];
    expect(entry).toMatchObject({
      action: 'incident.marking_changed',
      data: { reference: before.reference, from: ['ES'], to: ['DE', 'ES'] },
    });
    // Germany now sees it, and its notes marked like the incident then (Spain only) stay hidden.
    expect(m.t.call('getIncident', { id: before.id }, m.de).notes).toEqual([]);
    // A stale version is refused, nothing written.
    expectApiError(
      () => m.t.call('updateIncident', { id: before.id, version: before.version, marking: [] }),
      'conflict',
    );
    expect(m.t.call('getIncident', { id: before.id }).incident.marking).toEqual(['DE', 'ES']);
    // The same marking again is no change: no entry, no new version.
    const same = m.t.call('updateIncident', { id: before.id, version: after.version, marking: ['ES', 'DE'] });
    expect(same.version).toBe(after.version);
  });

  it('journals a change of a zone’s marking and keeps it in its version', () => {
    const m = markedOperation();
    const z = m.zones.frEs;
    const after = m.t.call('updateZone', { id: z.id, version: z.version, marking: null });
    expect(after).toMatchObject({ marking: null, version: z.version + 1, name: z.name });
    const entry = m.t.call('listJournal', { entityId: z.id, limit: 5 })[0];
    expect(entry).toMatchObject({ action: 'zone.marking_changed', data: { from: ['ES'], to: null } });
    expect(m.t.call('listZones', {}, m.de).map((x) => x.id)).toContain(z.id);
    expectApiError(() => m.t.call('updateZone', { id: z.id, version: z.version, marking: [] }), 'conflict');
  });

  it('stores a marking without the host nation, each code once, sorted', () => {
    const m = markedOperation();
    const i = m.t.call('createIncident', { ...bag, marking: ['FR', 'ES', 'DE', 'ES'] });
    expect(i.marking).toEqual(['DE', 'ES']);
    const z = m.t.call('updateZone', {
      id: m.zones.frOnly.id,
      version: m.zones.frOnly.version,
      marking: ['FR'],
    });
    // Host only, as it was: no change, no new version.
    expect(z).toMatchObject({ marking: [], version: m.zones.frOnly.version });
  });

  it('refuses a bad marking naming the field', () => {
    const m = markedOperation();
    const e = expectApiError(
      () => m.t.call('createIncident', { ...bag, marking: ['spain'] as never }),
      'invalid_input',
    );
    expect(e.message).toMatch(/marking/);
  });

  it('lets a liaison create an incident they still see, never one marked away from them', () => {
    const m = markedOperation();
    const own = m.t.call('createIncident', bag, m.de);
    expect(own.marking).toBeNull();
    expect(m.t.call('getIncident', { id: own.id }, m.de).incident.id).toBe(own.id);
    const withDe = m.t.call('createIncident', { ...bag, marking: ['DE'] }, m.de);
    expect(m.t.call('listIncidents', {}, m.de).map((i) => i.id)).toContain(withDe.id);
    // Spain does not see Germany's own.
    expect(m.t.call('listIncidents', {}, m.es).map((i) => i.id)).not.toContain(withDe.id);

    const before = m.t.call('listIncidents', { includeClosed: true }).length;
    for (const marking of [[], ['ES']]) {
      const e = expectApiError(() => m.t.call('createIncident', { ...bag, marking }, m.de), 'invalid_input');
      expect(e.message).toMatch(/^marking: .*own country \(DE\)/);
      expect(e.toData().issues?.[0]?.path).toBe('marking');
    }
    expect(m.t.call('listIncidents', { includeClosed: true })).toHaveLength(before);
  });
});
