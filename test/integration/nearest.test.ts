import { afterEach, describe, expect, it } from 'vitest';
import { openVigie, type VigieApp } from '../../electron/services/app.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { insertVenue } from '../../electron/store/venues.js';
import { setOperation } from '../../electron/store/meta.js';
import { journal, SYSTEM } from '../../electron/services/context.js';
import { fixedClock } from '../../shared/clock.js';
import { ApiError } from '../../shared/errors.js';
import type { Role } from '../../shared/roles.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { REAL_START } from '../support/app.js';
import { paths } from '../support/temp.js';
import { testDatabase } from '../support/backend.js';
import { addPerson, signInAs } from '../support/sign-in.js';

// Around Notre-Dame; distances north-south are 111.2 m per 0.001° of latitude.
const ORIGIN = { lat: 48.853, lon: 2.3499 };
const ROSTER = `callsign,country,agency,kind,personnel,status,languages,lat,lon
N-PAT-A,FR,Alpha,patrol,4,available,fr|en,48.853,2.3549
N-PAT-B,DE,Bravo,patrol,4,available,de|en,48.858,2.3499
N-K9-C,ES,Charlie,k9_explosives,2,available,es,48.854,2.3499
N-PAT-D,FR,Alpha,patrol,4,on_scene,fr|en,48.8531,2.3499
N-PAT-E,FR,Alpha,patrol,4,available,fr|en,,
N-MED-F,FR,Delta,medical,2,available,fr,48.87,2.3499
US-LAPD-01,US,LAPD,patrol,4,available,en|es,34.0522,-118.2437
`;

const open: VigieApp[] = [];
afterEach(() => {
  while (open.length) open.pop()?.close();
});

/** An empty operation holding only the fixed units above (and one venue). */
function fixedUnits(role: Role = 'watch_officer') {
  const app = openVigie({
    dbPath: testDatabase(),
    resourcesDir: paths.resources,
    seed: false,
    real: fixedClock(REAL_START),
  });
  open.push(app);
  // The operation and its venue as a scenario would bring them: written and journaled together.
  app.db.transaction(() => {
    setOperation(app.db, {
      scenarioId: null,
      name: 'Nearest test',
      mode: 'real',
      timezone: 'Europe/Paris',
      scenarioStart: null,
      anchorReal: null,
    });
    insertVenue(app.db, {
      id: 'parvis',
      name: 'Parvis Notre-Dame',
      kind: 'square',
      lat: 48.8534,
      lon: 2.3488,
      note: null,
    });
    journal(app.ctx, SYSTEM, {
      action: 'venue.created',
      entityType: 'venue',
      entityId: 'parvis',
      data: null,
    });
  })();
  const desk = createDesk();
  const call = <K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> => {
    const r = dispatch(app.handlers, name, input, desk);
    if (!r.ok) throw new ApiError(r.error);
    return r.value as CallOutput<K>;
  };
  signInAs(call, addPerson(app.ctx, 'Lt. Sam Okafor', role), 'D2');
  expect(call('importRoster', { csv: ROSTER, dryRun: false }).rejected).toEqual([]);
  return call;
}

function haversineM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

const callsigns = (r: { units: { unit: { callsign: string } }[] }) => r.units.map((x) => x.unit.callsign);

describe('nearestUnits', () => {
  it('ranks available units with a position by straight-line distance, with a walking estimate', () => {
    const call = fixedUnits();
    const answer = call('nearestUnits', ORIGIN);
    expect(answer.maxKm).toBe(25);
    const ranked = answer.units;
    expect(callsigns(answer)).toEqual(['N-K9-C', 'N-PAT-A', 'N-PAT-B', 'N-MED-F']);
    for (const r of ranked) {
      const metres = haversineM(ORIGIN, { lat: r.unit.lat ?? NaN, lon: r.unit.lon ?? NaN });
      expect(r.distanceM).toBe(Math.round(metres));
      // 5 km/h with a 1.3 detour factor: 1.56 s per straight-line metre, rounded up to the minute.
      expect(r.walkMinutes).toBe(Math.ceil((metres * 1.3) / (5000 / 60)));
    }
    expect(ranked[0]).toMatchObject({ distanceM: 111, walkMinutes: 2 });
    expect(ranked[0]?.unit).toMatchObject({ status: 'available', positionStale: false });
  });

  it('filters by kind and by a language of the contingent, and honours the limit', () => {
    const call = fixedUnits();
    expect(callsigns(call('nearestUnits', { ...ORIGIN, kind: 'patrol' }))).toEqual(['N-PAT-A', 'N-PAT-B']);
    expect(callsigns(call('nearestUnits', { ...ORIGIN, language: 'de' }))).toEqual(['N-PAT-B']);
    expect(callsigns(call('nearestUnits', { ...ORIGIN, language: 'EN' }))).toEqual(['N-PAT-A', 'N-PAT-B']);
    expect(callsigns(call('nearestUnits', { ...ORIGIN, kind: 'patrol', language: 'es' }))).toEqual([]);
    expect(callsigns(call('nearestUnits', { ...ORIGIN, limit: 2 }))).toEqual(['N-K9-C', 'N-PAT-A']);
  });

  it('starts from an incident: its point, else its venue', () => {
    const call = fixedUnits();
    const base = { category: 'medical', priority: 2, source: 'radio' } as const;
    const atPoint = call('createIncident', { ...base, title: 'Malaise, quai', lat: 48.87, lon: 2.3499 });
    expect(callsigns(call('nearestUnits', { incidentId: atPoint.id }))[0]).toBe('N-MED-F');
    const atVenue = call('createIncident', { ...base, title: 'Malaise, parvis', venueId: 'parvis' });
    const fromVenue = call('nearestUnits', { incidentId: atVenue.id, limit: 1 }).units;
    expect(fromVenue[0]?.distanceM).toBe(
      Math.round(haversineM({ lat: 48.8534, lon: 2.3488 }, { lat: 48.854, lon: 2.3499 })),
    );
    const nowhere = call('createIncident', {
      ...base,
      title: 'Appel confus',
      locationText: 'somewhere on the quays',
    });
    expect(() => call('nearestUnits', { incidentId: nowhere.id })).toThrow(/has no map position/);
    expect(() => call('nearestUnits', { incidentId: 'nope' })).toThrow(/does not exist/);
  });

  it('looks no further than the nearest-unit limit: never a unit on another continent', () => {
    const call = fixedUnits('supervisor');
    // An incident in Paris: the Los Angeles patrol is available, English-speaking, and 9,000 km off.
    const paris = call('createIncident', {
      category: 'disorder',
      priority: 2,
      source: 'radio',
      title: 'Rixe, Champ de Mars',
      lat: 48.8556,
      lon: 2.2986,
    });
    const fromParis = callsigns(call('nearestUnits', { incidentId: paris.id }));
    expect(fromParis.sort()).toEqual(['N-K9-C', 'N-MED-F', 'N-PAT-A', 'N-PAT-B']);
    // Downtown Los Angeles: every unit in this file is in Paris or is the LAPD patrol itself.
    const la = { lat: 34.0407, lon: -118.2468 };
    expect(callsigns(call('nearestUnits', la))).toEqual(['US-LAPD-01']);
    // In the middle of the Atlantic nothing is within the limit: the answer says which limit.
    expect(call('nearestUnits', { lat: 40, lon: -40 })).toEqual({ maxKm: 25, units: [] });

    // A supervisor narrows it: 1.5 km from the origin leaves out N-MED-F (1.9 km).
    const settings = call('getSettings', {});
    expect(settings.nearestMaxKm).toBe(25);
    const next = call('updateSettings', { version: settings.version, nearestMaxKm: 1.5 });
    expect(next.nearestMaxKm).toBe(1.5);
    const near = call('nearestUnits', ORIGIN);
    expect(near.maxKm).toBe(1.5);
    expect(callsigns(near)).toEqual(['N-K9-C', 'N-PAT-A', 'N-PAT-B']);
    const journaled = call('listJournal', { limit: 5 }).find((e) => e.action === 'settings.updated');
    expect(journaled?.data).toEqual({ nearestMaxKm: { from: 25, to: 1.5 } });

    const bad = (nearestMaxKm: number) => {
      try {
        call('updateSettings', { version: next.version, nearestMaxKm });
      } catch (err) {
        return { code: (err as ApiError).code, path: (err as ApiError).issues?.[0]?.path };
      }
      return 'accepted';
    };
    expect(bad(0)).toEqual({ code: 'invalid_input', path: 'nearestMaxKm' });
    expect(bad(20000)).toEqual({ code: 'invalid_input', path: 'nearestMaxKm' });
  });

  it('wants a point or an incident, not both and not half a point', () => {
    const call = fixedUnits();
    const issue = (input: CallInput<'nearestUnits'>) => {
      try {
        call('nearestUnits', input);
      } catch (err) {
        return (err as ApiError).issues?.[0]?.path;
      }
      return 'accepted';
    };
    expect(issue({})).toBe('lat');
    expect(issue({ lat: 48.85 })).toBe('lon');
    expect(issue({ ...ORIGIN, incidentId: 'x' })).toBe('incidentId');
    expect(issue({ ...ORIGIN, language: 'xx' })).toBe('language');
    expect(issue({ ...ORIGIN, limit: 101 })).toBe('limit');
    expect(issue({ ...ORIGIN, kind: 'spaceship' as never })).toBe('kind');
  });
});
