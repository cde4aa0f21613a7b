// The parade tracker through the contract: the plan from the scenario, planned ETAs on the real
// route, an officer's report of the head ("head at Pont Neuf 19:52") re-planning downstream, reports
// refused when impossible, retractions, and the units posted on each bridge.
import { describe, expect, it } from 'vitest';
import { seedParadePlan } from '../../electron/services/parade.js';
import { loadScenario } from '../../electron/services/scenario-load.js';
import { POST_RADIUS_M } from '../../shared/api/map.js';
import { testApp } from '../support/app.js';
import { paths } from '../support/temp.js';
import { expectApiError } from '../support/api-error.js';
import { addPerson, signInAs } from '../support/sign-in.js';

const OFFICER = 'Capt. Hugo Bernard';
const DESK = 'SEINE';
const HOUR = 3_600_000;
const START = Date.parse('2024-07-26T17:30:00Z');
/** start + chainage at 15 km/h, to the second, as the tracker rounds it. */
const planned = (km: number, from = START, fromKm = 0) =>
  new Date(Math.round((from + ((km - fromKm) / 15) * HOUR) / 1000) * 1000).toISOString();

/**
 * The exercise with its plan, an observer signed in at the river desk (reads, but may not change
 * the parade), and the river officer ready to take the desk.
 */
function withPlan() {
  const t = testApp();
  signInAs(t.call, 'observer', DESK);
  const scenario = loadScenario(paths.resources);
  const routeId = scenario.routes[0]?.id ?? '';
  // Idempotent: the seed writes the plan too once it calls seedParadePlan.
  seedParadePlan(t.app.ctx, routeId, scenario.scenario.parade);
  expect(seedParadePlan(t.app.ctx, routeId, scenario.scenario.parade)).toBe(false);
  // The exercise clock starts at 16:00Z; bring it to 18:00Z (20:00 in Paris).
  t.real.advance(2 * HOUR);
  const route = t.call('listRoutes', {})[0];
  if (!route) throw new Error('no route');
  const km = (name: string) => route.bridges.find((b) => b.name === name)?.chainageKm ?? NaN;
  const officer = addPerson(t.app.ctx, OFFICER);
  return { ...t, route, km, signInOfficer: () => signInAs(t.call, officer, DESK) };
}

describe('the plan', () => {
  it('comes from the scenario: start 17:30Z, 15 km/h, 85 boats 100 m apart', () => {
    const t = withPlan();
    const view = t.call('getParade', {});
    expect(view.plan).toMatchObject({
      routeId: 'ceremony-route',
      start: '2024-07-26T17:30:00.000Z',
      speedKmh: 15,
      boats: 85,
      spacingM: 100,
      version: 1,
    });
    expect(view.at).toBe('2024-07-26T18:00:00.000Z');
    expect(view.route?.lengthKm).toBeGreaterThan(6);
    expect(view.route?.lengthKm).toBeLessThan(7);
  });

  it('gives each bridge its planned head and tail pass times, and the head and tail at any time', () => {
    const t = withPlan();
    const view = t.call('getParade', { at: '2024-07-26T19:50:00+02:00' });
    const state = view.state;
    if (!state) throw new Error('no state');
    expect(state.head.chainageKm).toBe(5);
    expect(state.tail.chainageKm).toBe(0);
    expect(state.phase).toBe('under_way');
    for (const b of state.bridges) {
      expect(b.plannedHeadAt, b.name).toBe(planned(b.chainageKm));
      expect(b.plannedTailAt, b.name).toBe(planned(b.chainageKm + 8.4));
      expect(b.expectedHeadAt).toBe(b.plannedHeadAt);
    }
    expect(state.bridges[0]).toMatchObject({
      name: "Pont d'Austerlitz",
      plannedHeadAt: '2024-07-26T17:30:00.000Z',
      plannedTailAt: '2024-07-26T18:03:36.000Z',
    });
    expect(t.call('getParade', { at: '2024-07-26T17:00:00Z' }).state?.phase).toBe('before_start');
  });

  it('is changed with its version, journaled; a stale or missing version is refused', () => {
    const t = withPlan();
    expectApiError(
      () =>
        t.call('setParadePlan', {
          version: 1,
          start: '2024-07-26T17:40:00Z',
          speedKmh: 12,
          boats: 85,
          spacingM: 100,
        }),
      'forbidden',
    );
    t.signInOfficer();
    const view = t.call('setParadePlan', {
      version: 1,
      start: '2024-07-26T19:40:00+02:00',
      speedKmh: 12,
      boats: 94,
      spacingM: 100,
    });
    expect(view.plan).toMatchObject({
      start: '2024-07-26T17:40:00.000Z',
      speedKmh: 12,
      boats: 94,
      version: 2,
    });
    expect(view.state?.columnKm).toBe(9.3);
    expectApiError(
      () =>
        t.call('setParadePlan', {
          version: 1,
          start: '2024-07-26T17:40:00Z',
          speedKmh: 12,
          boats: 85,
          spacingM: 100,
        }),
      'conflict',
    );
    expectApiError(
      () =>
        t.call('setParadePlan', { start: '2024-07-26T17:40:00Z', speedKmh: 12, boats: 85, spacingM: 100 }),
      'invalid_input',
      /version/,
    );
    expect(t.call('listJournal', { limit: 1 })[0]).toMatchObject({
      action: 'parade.plan_set',
      operator: OFFICER,
      entityId: 'ceremony-route',
    });
  });

  it('is absent until a plan is written: no state, but the bridges and their posts', () => {
    const t = testApp();
    expectApiError(() => t.call('getParade', {}), 'unauthorized');
    signInAs(t.call, 'observer', DESK);
    const view = t.call('getParade', {});
    if (view.plan === null) {
      expect(view.state).toBeNull();
      expect(view.posts.length).toBe(18);
    } else {
      // The seed already writes the scenario's plan.
      expect(view.plan.speedKmh).toBe(15);
    }
  });
});

describe('reports of the head', () => {
  it('"head at Pont Neuf 19:52" re-plans every bridge downstream from it at the planned speed', () => {
    const t = withPlan();
    t.signInOfficer();
    const neuf = t.km('Pont Neuf');
    const view = t.call('recordParadeActual', {
      bridge: 'pont neuf',
      at: '2024-07-26T19:52:00+02:00',
      note: 'seen from PC Cité',
    });
    const at = Date.parse('2024-07-26T17:52:00Z');
    expect(view.actuals).toMatchObject([
      {
        bridge: 'Pont Neuf',
        chainageKm: neuf,
        at: '2024-07-26T17:52:00.000Z',
        operator: OFFICER,
        desk: 'SEINE',
      },
    ]);
    const state = view.state;
    if (!state) throw new Error('no state');
    expect(state.basis).toBe('actual');
    for (const b of state.bridges.filter((x) => x.chainageKm > neuf)) {
      expect(b.expectedHeadAt, b.name).toBe(planned(b.chainageKm, at, neuf));
      expect(b.expectedTailAt, b.name).toBe(planned(b.chainageKm + 8.4, at, neuf));
    }
    // Pont Neuf is about 2.45 km down: planned about 17:40, so the parade runs about 12 min late.
    const iena = state.bridges.at(-1);
    expect(iena?.headDelayMinutes).toBeCloseTo((at - Date.parse(planned(neuf))) / 60_000, 1);
    expect(iena?.headDelayMinutes).toBeGreaterThan(11);
    expect(iena?.headDelayMinutes).toBeLessThan(13);
    // At 18:00Z the head is 8 minutes (2 km at 15 km/h) past Pont Neuf.
    expect(state.head.chainageKm).toBeCloseTo(neuf + 2, 3);
    expect(t.call('listJournal', { limit: 1 })[0]).toMatchObject({
      action: 'parade.actual_recorded',
      operator: OFFICER,
      data: { bridge: 'Pont Neuf', at: '2024-07-26T17:52:00.000Z' },
    });
  });

  it('places a report given as a chainage or as a point near the route', () => {
    const t = withPlan();
    t.signInOfficer();
    expect(
      t.call('recordParadeActual', { chainageKm: 1, at: '2024-07-26T17:36:00Z' }).actuals[0],
    ).toMatchObject({ chainageKm: 1, bridge: null });
    const alma = t.route.bridges.find((b) => b.name === "Pont de l'Alma");
    if (!alma) throw new Error('no Alma');
    const r = t.call('recordParadeActual', {
      lat: alma.lat + 0.0003,
      lon: alma.lon,
      at: '2024-07-26T17:59:00Z',
    });
    expect(r.actuals[1]?.chainageKm).toBeCloseTo(alma.chainageKm, 1);
    expectApiError(
      () => t.call('recordParadeActual', { lat: 48.87, lon: 2.35 }),
      'invalid_input',
      /m from the route/,
    );
  });

  it('refuses impossible reports: unknown bridge, future time, head moving backwards, two places at once', () => {
    const t = withPlan();
    expectApiError(() => t.call('recordParadeActual', { bridge: 'Pont Neuf' }), 'forbidden');
    t.signInOfficer();
    expectApiError(
      () => t.call('recordParadeActual', { bridge: 'Pont Mirabeau' }),
      'invalid_input',
      /no bridge "Pont Mirabeau".*Pont Neuf/,
    );
    expectApiError(
      () => t.call('recordParadeActual', { bridge: 'Pont Neuf', at: '2024-07-26T18:30:00Z' }),
      'invalid_input',
      /in the future/,
    );
    expectApiError(
      () => t.call('recordParadeActual', { bridge: 'Pont Neuf', chainageKm: 2 }),
      'invalid_input',
      /one of/,
    );
    expectApiError(() => t.call('recordParadeActual', { chainageKm: 99 }), 'invalid_input', /beyond the end/);
    t.call('recordParadeActual', { bridge: 'Pont Neuf', at: '2024-07-26T17:52:00Z' });
    expectApiError(
      () => t.call('recordParadeActual', { bridge: 'Pont de Sully', at: '2024-07-26T17:55:00Z' }),
      'conflict',
      /cannot be at km/,
    );
    expectApiError(
      () => t.call('recordParadeActual', { bridge: 'Pont Royal', at: '2024-07-26T17:50:00Z' }),
      'conflict',
    );
    expect(t.call('getParade', {}).actuals).toHaveLength(1);
  });

  it('is retracted, not deleted: the tracker goes back to the plan and the journal keeps both', () => {
    const t = withPlan();
    t.signInOfficer();
    const id =
      t.call('recordParadeActual', { bridge: 'Pont Neuf', at: '2024-07-26T17:52:00Z' }).actuals[0]?.id ?? '';
    const view = t.call('retractParadeActual', { id, reason: 'wrong bridge' });
    expect(view.actuals).toEqual([]);
    expect(view.state?.basis).toBe('plan');
    expectApiError(() => t.call('retractParadeActual', { id }), 'conflict', /already retracted/);
    expectApiError(() => t.call('retractParadeActual', { id: 'nope' }), 'not_found');
    const actions = t.call('listJournal', { limit: 2 }).map((e) => e.action);
    expect(actions).toEqual(['parade.actual_retracted', 'parade.actual_recorded']);
    // The corrected report may now say what the retracted one contradicted.
    expect(
      t.call('recordParadeActual', { bridge: 'Pont de Sully', at: '2024-07-26T17:55:00Z' }).actuals,
    ).toHaveLength(1);
  });
});

describe('units posted on each bridge', () => {
  it('lists units within 150 m of a bridge, each at its nearest bridge only', () => {
    const t = withPlan();
    const posts = t.call('getParade', {}).posts;
    expect(posts.map((p) => p.name)).toEqual(t.route.bridges.map((b) => b.name));
    const listed = posts.flatMap((p) => p.units.map((u) => u.id));
    expect(new Set(listed).size).toBe(listed.length);
    for (const p of posts) for (const u of p.units) expect(u.distanceM).toBeLessThanOrEqual(POST_RADIUS_M);

    t.signInOfficer();
    const unit = t.call('listUnits', {}).find((u) => !listed.includes(u.id) && u.status === 'available');
    if (!unit) throw new Error('no free unit');
    const neuf = t.route.bridges.find((b) => b.name === 'Pont Neuf');
    if (!neuf) throw new Error('no Pont Neuf');
    t.call('moveUnit', {
      id: unit.id,
      version: unit.version,
      lat: neuf.lat,
      lon: neuf.lon,
      source: 'bridge',
    });
    const post = t.call('getParade', {}).posts.find((p) => p.name === 'Pont Neuf');
    expect(post?.units.find((u) => u.id === unit.id)).toMatchObject({
      callsign: unit.callsign,
      distanceM: 0,
      status: 'available',
    });
  });
});
