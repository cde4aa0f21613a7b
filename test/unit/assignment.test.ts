import { describe, expect, it } from 'vitest';
import distance from '@turf/distance';
import { point } from '@turf/helpers';
import {
  DEFAULT_TRAVEL,
  DEFAULT_UNIT_NEEDS,
  rankSuggestions,
  straightLineM,
  travelMinutes,
  type RankableUnit,
} from '../../shared/assignment.js';
import { k9Rest } from '../../shared/k9-rest.js';
import { INCIDENT_CATEGORIES, UNIT_KINDS } from '../../shared/domain.js';

const NOW = Date.parse('2024-07-26T18:00:00Z');
const at = { lat: 48.853, lon: 2.3499 };
// 0.001° of latitude is 111.2 m: a unit `n` thousandths north of the incident is n × 111 m away.
const unit = (
  callsign: string,
  kind: RankableUnit['kind'],
  north: number | null,
  extra: Partial<RankableUnit> = {},
) =>
  ({
    id: callsign,
    callsign,
    kind,
    status: 'available',
    lat: north === null ? null : at.lat + north / 1000,
    lon: north === null ? null : at.lon,
    k9: null,
    ...extra,
  }) satisfies RankableUnit;

describe('travelMinutes', () => {
  it('is the straight line times the detour over the mode’s speed, rounded up', () => {
    // 1 km on foot at 5 km/h with 1.3 detour: 15.6 min → 16.
    expect(travelMinutes(1000, 'foot', DEFAULT_TRAVEL)).toBe(16);
    // By road at 25 km/h: 3.12 min → 4. By river at 15 km/h: 5.2 → 6.
    expect(travelMinutes(1000, 'road', DEFAULT_TRAVEL)).toBe(4);
    expect(travelMinutes(1000, 'river', DEFAULT_TRAVEL)).toBe(6);
    // Other settings change it: 10 km/h on foot with no detour, 2 km = 12 min.
    expect(travelMinutes(2000, 'foot', { ...DEFAULT_TRAVEL, footKmh: 10, detour: 1 })).toBe(12);
    // A few metres is still a minute; on the spot is none.
    expect(travelMinutes(5, 'foot', DEFAULT_TRAVEL)).toBe(1);
    expect(travelMinutes(0, 'road', DEFAULT_TRAVEL)).toBe(0);
  });

  it('measures the straight line on the sphere', () => {
    expect(Math.round(straightLineM(48.853, 2.3499, 48.854, 2.3499))).toBe(111);
    // Paris to Lyon agrees with turf to the metre.
    const turf = distance(point([2.3522, 48.8566]), point([4.8357, 45.764]), { units: 'meters' });
    expect(Math.round(straightLineM(48.8566, 2.3522, 45.764, 4.8357))).toBe(Math.round(turf));
  });
});

describe('the default needs', () => {
  it('name kinds for every category, and the ones the desk expects', () => {
    expect(Object.keys(DEFAULT_UNIT_NEEDS).sort()).toEqual([...INCIDENT_CATEGORIES].sort());
    for (const kinds of Object.values(DEFAULT_UNIT_NEEDS))
      for (const k of kinds) expect(UNIT_KINDS).toContain(k);
    expect(DEFAULT_UNIT_NEEDS.suspicious_package).toEqual(['k9_explosives', 'eod']);
    expect(DEFAULT_UNIT_NEEDS.drone_sighting).toEqual(['drone', 'patrol']);
    expect(DEFAULT_UNIT_NEEDS.traffic_river).toEqual(['river']);
  });
});

describe('rankSuggestions', () => {
  const rank = (units: RankableUnit[], needs = DEFAULT_UNIT_NEEDS.suspicious_package, nowMs = NOW) =>
    rankSuggestions({ units, at, needs, travel: DEFAULT_TRAVEL, nowMs });

  it('puts available units of a needed kind first, quickest first, then the rest, busy, untaskable', () => {
    const r = rank([
      unit('PAT-NEAR', 'patrol', 1),
      unit('EOD-FAR', 'eod', 20), // 2.2 km by road: 7 min
      unit('K9-MID', 'k9_explosives', 4), // 445 m on foot: 7 min
      unit('K9-BUSY', 'k9_explosives', 1, { status: 'on_scene' }),
      unit('EOD-OFF', 'eod', 1, { status: 'off_duty' }),
      unit('K9-NOWHERE', 'k9_explosives', null),
      unit('MED', 'medical', 2),
    ]);
    expect(r.map((s) => [s.unit.callsign, s.group])).toEqual([
      ['K9-MID', 'suggested'],
      ['EOD-FAR', 'suggested'],
      ['K9-NOWHERE', 'suggested'],
      ['MED', 'available'],
      ['PAT-NEAR', 'available'],
      ['K9-BUSY', 'busy'],
      ['EOD-OFF', 'untaskable'],
    ]);
    const k9 = r[0];
    expect(k9?.needed).toBe(true);
    expect(k9?.mode).toBe('foot');
    expect(k9?.distanceM).toBe(Math.round(straightLineM(at.lat, at.lon, at.lat + 0.004, at.lon)));
    expect(k9?.travelMinutes).toBe(travelMinutes(k9?.distanceM ?? 0, 'foot', DEFAULT_TRAVEL));
    expect(r[1]?.mode).toBe('road');
    expect(r[2]?.travelMinutes).toBeNull();
    expect(r.find((s) => s.unit.callsign === 'PAT-NEAR')?.needed).toBe(false);
  });

  it('follows the needs it is given, and a river unit travels by river', () => {
    const units = [unit('PAT', 'patrol', 1), unit('BOAT', 'river', 10)];
    expect(rank(units, ['river']).map((s) => s.unit.callsign)).toEqual(['BOAT', 'PAT']);
    expect(rank(units, ['patrol']).map((s) => s.unit.callsign)).toEqual(['PAT', 'BOAT']);
    expect(rank(units, ['river'])[0]?.mode).toBe('river');
    // With no needs nobody is suggested: the quickest available first.
    expect(rank(units, []).map((s) => [s.unit.callsign, s.group])).toEqual([
      ['PAT', 'available'],
      ['BOAT', 'available'],
    ]);
  });

  it('never suggests a dog past its rest time, and marks one due soon', () => {
    const due = (min: number) => ({
      handler: null,
      dog: null,
      detection: null,
      restDue: new Date(NOW + min * 60000).toISOString(),
    });
    const r = rank([
      unit('K9-TIRED', 'k9_explosives', 1, { k9: due(-5) }),
      unit('K9-SOON', 'k9_explosives', 3, { k9: due(10) }),
      unit('K9-FRESH', 'k9_explosives', 5, { k9: due(40) }),
    ]);
    expect(r.map((s) => [s.unit.callsign, s.group, s.rest?.level])).toEqual([
      ['K9-SOON', 'suggested', 'soon'],
      ['K9-FRESH', 'suggested', 'ok'],
      ['K9-TIRED', 'available', 'due'],
    ]);
  });
});

describe('k9Rest', () => {
  const dog = (restDue: string | null) => ({ kind: 'k9_patrol' as const, k9: { restDue } });
  it('says how long is left and warns 15 minutes before', () => {
    expect(k9Rest(dog('2024-07-26T18:40:00Z'), NOW)).toEqual({
      level: 'ok',
      restDue: '2024-07-26T18:40:00Z',
      minutesLeft: 40,
    });
    expect(k9Rest(dog('2024-07-26T18:15:00Z'), NOW)?.level).toBe('soon');
    expect(k9Rest(dog('2024-07-26T18:16:00Z'), NOW)?.level).toBe('ok');
    expect(k9Rest(dog('2024-07-26T18:00:00Z'), NOW)?.level).toBe('due');
    expect(k9Rest(dog('2024-07-26T17:50:00Z'), NOW)?.minutesLeft).toBe(-10);
    expect(k9Rest(dog(null), NOW)).toEqual({ level: 'unset', restDue: null, minutesLeft: null });
    expect(k9Rest({ kind: 'patrol', k9: null }, NOW)).toBeNull();
  });
});
