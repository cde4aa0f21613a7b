// Picked points in words through the contract, on both engines: the nearest named place (a bridge
// of the route, a venue), else the zone or the district the point is in, for the board, the detail,
// the form's point and the handover report (as of the window's end).
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api.js';
import { renderMarkdown } from '../../shared/report/markdown.js';
import { testApp } from '../support/app.js';
import { addPerson, signInAs } from '../support/sign-in.js';
import { START, at } from './handover-shift.js';

// Pont Alexandre III as the scenario has it (a venue and a bridge of the route), and a point 40 m north.
const BRIDGE = { lat: 48.8639, lon: 2.3136 };
const NORTH_40M = { lat: BRIDGE.lat + 40 / 111_195, lon: BRIDGE.lon };
// In the 11th arrondissement, away from every venue and bridge.
const ROQUETTE = { lat: 48.859, lon: 2.38 };
const square = (c: { lat: number; lon: number }, d: number): [number, number][][] => [
  [
    [c.lon - d, c.lat - d],
    [c.lon + d, c.lat - d],
    [c.lon + d, c.lat + d],
    [c.lon - d, c.lat + d],
    [c.lon - d, c.lat - d],
  ],
];
const incident = (where: { lat: number; lon: number }): CallInput<'createIncident'> => ({
  category: 'suspicious_package',
  priority: 2,
  title: 'Unattended bag',
  source: 'radio',
  ...where,
});

function signedIn() {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, 'Capt. Élise Moreau'), 'D1');
  return t;
}

describe('place names of picked points', () => {
  it('names an incident after the landmark 40 m away, on the board, the detail and the write', () => {
    const t = signedIn();
    const created = t.call('createIncident', incident(NORTH_40M));
    expect(created.place).toMatchObject({ name: 'Pont Alexandre III' });
    expect(Math.round(created.place?.distanceM ?? 0)).toBe(40);
    const row = t.call('listIncidents', {}).find((i) => i.id === created.id);
    expect(row?.place).toEqual(created.place);
    expect(t.call('getIncident', { id: created.id }).incident.place).toEqual(created.place);
    // Moved next to the Grand Palais, it is named after it instead; an incident without a point has none.
    const moved = t.call('updateIncident', {
      id: created.id,
      version: created.version,
      lat: 48.8661,
      lon: 2.3125,
    });
    expect(moved.place).toMatchObject({ kind: 'venue', name: 'Grand Palais', distanceM: 0 });
    const words = t.call('createIncident', {
      ...incident({ lat: 0, lon: 0 }),
      lat: null,
      lon: null,
      locationText: 'Quai',
    });
    expect(words.place).toBeNull();
  });

  it('falls back to a zone the desk drew, else the district, when nothing named is near', () => {
    const t = signedIn();
    expect(t.call('namePlace', ROQUETTE).place).toMatchObject({
      kind: 'district',
      name: '11e arrondissement',
      nameEn: '11th arrondissement',
      distanceM: 0,
    });
    t.call('createZone', {
      name: 'Roquette perimeter',
      kind: 'security_perimeter',
      color: '#f59e0b',
      polygon: square(ROQUETTE, 0.001),
    });
    expect(t.call('namePlace', ROQUETTE).place).toMatchObject({ kind: 'zone', name: 'Roquette perimeter' });
    expect(t.call('namePlace', NORTH_40M).place?.name).toBe('Pont Alexandre III');
    // Mid-Atlantic: nothing is known there.
    expect(t.call('namePlace', { lat: 45, lon: -30 }).place).toBeNull();
  });

  it('prints the place in the handover report as it was at the window end', () => {
    const t = signedIn();
    t.real.advance(5 * 60_000);
    const created = t.call('createIncident', incident(NORTH_40M));
    const now = Date.parse(created.createdAt);
    t.real.advance(60_000);
    // Moved after the window: the report still names where it was then.
    t.call('updateIncident', { id: created.id, version: created.version, ...ROQUETTE });
    t.real.advance(60_000);
    const window = { from: at(0), to: new Date(now + 30_000).toISOString(), incomingName: 'Lt. Marc Dubois' };
    expect(now).toBeGreaterThan(START);
    const en = t.call('previewHandover', { ...window, pendingActions: [], lang: 'en' });
    const open = en.openIncidents.find((i) => i.reference === created.reference);
    expect(open?.location.place).toMatchObject({ name: 'Pont Alexandre III' });
    expect(renderMarkdown(en)).toContain('Pont Alexandre III, 40 m');
    const later = t.call('previewHandover', {
      ...window,
      to: new Date(now + 90_000).toISOString(),
      pendingActions: [],
      lang: 'fr',
    });
    const moved = later.openIncidents.find((i) => i.reference === created.reference);
    expect(renderMarkdown(later)).toContain(moved?.location.place?.name ?? '(no place)');
    expect(moved?.location.place?.name).toBe('11e arrondissement');
  });
});
