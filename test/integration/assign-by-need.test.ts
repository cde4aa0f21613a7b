// Assignment by need (suggestUnits), its settings, and a dog team's rest (setK9Rest, assignUnit's
// confirmRest): on SQLite and, in integration-pg, on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { ApiError } from '../../shared/errors.js';
import { straightLineM } from '../../shared/assignment.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { emptyApp } from '../support/app.js';
import { addPerson, signInAs } from '../support/sign-in.js';

// Now is 08:00 UTC (09:00 in Paris). 0.001° of latitude north of the incident is 111 m.
const AT = { lat: 48.853, lon: 2.3499 };
const ROSTER = `callsign,country,agency,kind,personnel,status,languages,lat,lon,rest_due
B-K9-FRESH,ES,Guardia Civil,k9_explosives,2,available,es|en,48.856,2.3499,2026-11-24T09:30:00+01:00
B-K9-TIRED,DE,Bundespolizei,k9_explosives,2,available,de,48.8535,2.3499,2026-11-24T08:50:00+01:00
B-K9-NEW,BE,Police fédérale,k9_patrol,2,available,nl|fr,48.86,2.3499,
B-EOD,FR,Déminage,eod,3,available,fr,48.875,2.3499,
B-PAT,IT,Carabinieri,patrol,4,available,it,48.8532,2.3499,
B-BOAT,NL,Politie,river,4,available,nl|en,48.858,2.3499,
B-EOD-OFF,FR,Déminage,eod,3,off_duty,fr,48.8531,2.3499,
`;
const PACKAGE = {
  category: 'suspicious_package',
  priority: 1,
  title: 'Sac abandonné, quai de Montebello',
  source: 'radio',
  ...AT,
} as const;

function world() {
  const app = emptyApp('Assign test');
  const desk = createDesk();
  const call = <K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> => {
    const r = dispatch(app.handlers, name, input, desk);
    if (!r.ok) throw new ApiError(r.error);
    return r.value as CallOutput<K>;
  };
  const fails = <K extends CallName>(name: K, input: CallInput<K>) => {
    const r = dispatch(app.handlers, name, input, desk);
    if (r.ok) return 'accepted';
    return { code: r.error.code, path: r.error.issues?.[0]?.path, message: r.error.message };
  };
  signInAs(call, addPerson(app.ctx, 'Cne. Anne Roux', 'supervisor'), 'SUP');
  expect(call('importRoster', { csv: ROSTER, dryRun: false }).rejected).toEqual([]);
  const unit = (callsign: string) => {
    const u = call('listUnits', {}).find((x) => x.callsign === callsign);
    if (!u) throw new Error(callsign);
    return u;
  };
  const head = () => call('listJournal', { limit: 1 })[0]?.seq;
  return { app, call, fails, unit, head };
}

const order = (a: CallOutput<'suggestUnits'>) => a.units.map((s) => [s.unit.callsign, s.group]);

describe('suggestUnits', () => {
  it('offers the kinds the category needs first, quickest first, with travel time, languages and rest', () => {
    const { call } = world();
    const inc = call('createIncident', PACKAGE);
    const answer = call('suggestUnits', { incidentId: inc.id });
    expect(answer.needs).toEqual(['k9_explosives', 'eod']);
    expect(order(answer)).toEqual([
      ['B-K9-FRESH', 'suggested'], // 334 m on foot: 6 min
      ['B-EOD', 'suggested'], // 2.45 km by road: 8 min
      ['B-PAT', 'available'], // 22 m on foot: 1 min
      ['B-K9-TIRED', 'available'], // past its rest: never suggested
      ['B-BOAT', 'available'], // 556 m by river: 3 min
      ['B-K9-NEW', 'available'], // a patrol dog: not the kind needed
      ['B-EOD-OFF', 'untaskable'],
    ]);
    const minutes = (m: number, kmh: number) => Math.ceil((m / 1000) * 1.3 * (60 / kmh));
    for (const s of answer.units) {
      const m = Math.round(straightLineM(AT.lat, AT.lon, s.unit.lat ?? NaN, s.unit.lon ?? NaN));
      expect(s.distanceM).toBe(m);
      const kmh = { foot: 5, road: 25, river: 15 }[s.mode];
      expect(s.travelMinutes, s.unit.callsign).toBe(Math.max(1, minutes(m, kmh)));
    }
    const fresh = answer.units[0];
    expect(fresh?.mode).toBe('foot');
    expect(fresh?.languages).toEqual(['es', 'en']);
    expect(fresh?.rest).toEqual({ level: 'ok', restDue: '2026-11-24T08:30:00.000Z', minutesLeft: 30 });
    expect(answer.units.find((s) => s.unit.callsign === 'B-BOAT')?.mode).toBe('river');
    expect(answer.units.find((s) => s.unit.callsign === 'B-K9-TIRED')?.rest?.level).toBe('due');
    // A unit already on the incident is not offered again.
    call('assignUnit', { incidentId: inc.id, unitId: fresh?.unit.id ?? '' });
    expect(call('suggestUnits', { incidentId: inc.id }).units.map((s) => s.unit.callsign)).not.toContain(
      'B-K9-FRESH',
    );
  });

  it('follows the needs and speeds a supervisor sets, journaled, and refuses bad values by field', () => {
    const { call, fails, head } = world();
    const inc = call('createIncident', PACKAGE);
    const s0 = call('getSettings', {});
    expect(s0.travel).toEqual({ footKmh: 5, roadKmh: 25, riverKmh: 15, detour: 1.3 });
    expect(s0.k9WorkMinutes).toBe(45);
    const unitNeeds = { ...s0.unitNeeds, suspicious_package: ['river' as const] };
    const travel = { ...s0.travel, footKmh: 10 };
    const s1 = call('updateSettings', { version: s0.version, unitNeeds, travel });
    expect(s1.unitNeeds.suspicious_package).toEqual(['river']);
    const entry = call('listJournal', { limit: 1 })[0];
    expect(entry?.action).toBe('settings.updated');
    expect(entry?.data).toEqual({
      unitNeeds: { from: s0.unitNeeds, to: unitNeeds },
      travel: { from: s0.travel, to: travel },
    });
    const answer = call('suggestUnits', { incidentId: inc.id });
    expect(answer.needs).toEqual(['river']);
    expect(order(answer)[0]).toEqual(['B-BOAT', 'suggested']);
    // 334 m on foot at 10 km/h: 2.6 min → 3.
    expect(answer.units.find((s) => s.unit.callsign === 'B-K9-FRESH')?.travelMinutes).toBe(3);

    const before = head();
    const v = s1.version;
    expect(fails('updateSettings', { version: v, travel: { ...travel, footKmh: 0 } })).toMatchObject({
      code: 'invalid_input',
      path: 'travel.footKmh',
    });
    expect(fails('updateSettings', { version: v, travel: { ...travel, detour: 0.5 } })).toMatchObject({
      code: 'invalid_input',
      path: 'travel.detour',
    });
    expect(fails('updateSettings', { version: v, k9WorkMinutes: 2 })).toMatchObject({
      code: 'invalid_input',
      path: 'k9WorkMinutes',
    });
    const twice = { ...unitNeeds, medical: ['medical', 'medical'] } as never;
    expect(fails('updateSettings', { version: v, unitNeeds: twice })).toMatchObject({
      code: 'invalid_input',
      path: 'unitNeeds.medical',
    });
    const unknown = { ...unitNeeds, medical: ['dragon'] } as never;
    expect(fails('updateSettings', { version: v, unitNeeds: unknown })).toMatchObject({
      code: 'invalid_input',
      path: 'unitNeeds.medical.0',
    });
    const missing = { ...unitNeeds } as Record<string, unknown>;
    delete missing.cyber;
    expect(fails('updateSettings', { version: v, unitNeeds: missing as never })).toMatchObject({
      code: 'invalid_input',
      path: 'unitNeeds.cyber',
    });
    expect(head()).toBe(before);
    expect(call('getSettings', {}).version).toBe(v);
  });
});

describe('a dog team’s rest', () => {
  it('refuses a dog past its rest unless confirmRest is passed, and journals the confirmed one', () => {
    const { call, fails, unit, head } = world();
    const inc = call('createIncident', PACKAGE);
    const tired = unit('B-K9-TIRED');
    const before = head();
    const refused = fails('assignUnit', { incidentId: inc.id, unitId: tired.id });
    expect(refused).toMatchObject({ code: 'conflict', path: 'confirmRest' });
    expect(typeof refused === 'object' && refused.message).toMatch(/B-K9-TIRED.*08:50.*confirmRest: true/);
    expect(head()).toBe(before);
    expect(call('getIncident', { id: inc.id }).assignments).toEqual([]);
    expect(unit('B-K9-TIRED').status).toBe('available');

    const r = call('assignUnit', { incidentId: inc.id, unitId: tired.id, confirmRest: true });
    expect(r.unit.status).toBe('assigned');
    const assigned = call('listJournal', { limit: 5 }).find((e) => e.action === 'incident.unit_assigned');
    expect(assigned?.data).toMatchObject({ callsign: 'B-K9-TIRED', pastRest: true });
  });

  it('starts the work period on assignment when none is set; the desk sets or resets it', () => {
    const { call, fails, unit } = world();
    const inc = call('createIncident', PACKAGE);
    const dog = unit('B-K9-NEW');
    expect(dog.k9).toBeNull();
    call('assignUnit', { incidentId: inc.id, unitId: dog.id });
    // 45 minutes after 08:00 UTC.
    expect(unit('B-K9-NEW').k9?.restDue).toBe('2026-11-24T08:45:00.000Z');
    const started = call('listJournal', { limit: 5 }).find((e) => e.action === 'unit.rest_set');
    expect(started?.data).toEqual({
      callsign: 'B-K9-NEW',
      from: null,
      to: '2026-11-24T08:45:00.000Z',
      because: 'assigned',
    });

    const s = call('getSettings', {});
    call('updateSettings', { version: s.version, k9WorkMinutes: 20 });
    const fresh = unit('B-K9-FRESH');
    const rested = call('setK9Rest', { id: fresh.id, version: fresh.version, rested: true });
    expect(rested.k9?.restDue).toBe('2026-11-24T08:20:00.000Z');
    expect(rested.version).toBe(fresh.version + 1);
    const set = call('setK9Rest', {
      id: fresh.id,
      version: rested.version,
      restDue: '2026-11-24T10:15:00+01:00',
    });
    expect(set.k9?.restDue).toBe('2026-11-24T09:15:00.000Z');
    expect(call('listJournal', { limit: 1 })[0]).toMatchObject({
      action: 'unit.rest_set',
      entityId: fresh.id,
      data: {
        callsign: 'B-K9-FRESH',
        from: '2026-11-24T08:20:00.000Z',
        to: '2026-11-24T09:15:00.000Z',
        because: 'set',
      },
    });
    expect(fails('setK9Rest', { id: fresh.id, version: fresh.version, restDue: null })).toMatchObject({
      code: 'conflict',
    });

    const pat = unit('B-PAT');
    expect(fails('setK9Rest', { id: pat.id, version: pat.version, rested: true })).toMatchObject({
      code: 'invalid_input',
      path: 'id',
    });
    expect(
      fails('setK9Rest', { id: set.id, version: set.version, rested: true, restDue: null }),
    ).toMatchObject({ code: 'invalid_input', path: 'restDue' });
    expect(fails('setK9Rest', { id: set.id, version: set.version, restDue: 'tonight' })).toMatchObject({
      code: 'invalid_input',
      path: 'restDue',
    });
  });
});
