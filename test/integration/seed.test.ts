import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../electron/services/scenario-load.js';
import { countUnits } from '../../electron/store/units.js';
import { getOperation } from '../../electron/store/meta.js';
import { listEntries } from '../../electron/store/journal.js';
import { distanceToLineM } from '../../shared/geo.js';
import { REFERENCE_PATTERN } from '../../shared/reference.js';
import { clockFor } from '../../shared/clock.js';
import { paths, tempDb } from '../support/temp.js';
import { testApp, REAL_START } from '../support/app.js';
import { signInAs, signInInput } from '../support/sign-in.js';
import { main } from '../../electron/cli.js';

const scenario = loadScenario(paths.resources);
const foreign = scenario.contingents.filter((c) => c.country !== 'FR');

describe('the Paris 2024 exercise data', () => {
  it('has contingents from the 46 countries that were asked', () => {
    expect(new Set(foreign.map((c) => c.country)).size).toBe(46);
  });

  it('carries about 1,750-2,200 foreign personnel, each contingent matching its units', () => {
    const total = foreign.reduce((n, c) => n + c.personnel, 0);
    expect(total).toBeGreaterThanOrEqual(1750);
    expect(total).toBeLessThanOrEqual(2200);
    for (const c of scenario.contingents) {
      const units = scenario.units.filter((u) => u.contingent === c.id).reduce((n, u) => n + u.personnel, 0);
      expect(units, c.id).toBe(c.personnel);
    }
  });

  it('names the LASD, LAPD and NYPD detachments and French command units', () => {
    const agencies = scenario.contingents.map((c) => `${c.country} ${c.agency}`).join('\n');
    expect(agencies).toMatch(/US .*Los Angeles County Sheriff/);
    expect(agencies).toMatch(/US .*(LAPD|Los Angeles Police)/);
    expect(agencies).toMatch(/US .*(NYPD|New York)/);
    expect(scenario.units.some((u) => u.kind === 'command' && u.contingent.startsWith('fr'))).toBe(true);
    expect(scenario.units.filter((u) => u.kind === 'k9_explosives').length).toBeGreaterThan(5);
  });

  it('follows the route from Pont d’Austerlitz to Pont d’Iéna past every bridge', () => {
    const [route] = scenario.routes;
    if (!route) throw new Error('the exercise has no route');
    expect(route.bridges[0]?.name).toMatch(/Austerlitz/);
    expect(route.bridges.at(-1)?.name).toMatch(/Iéna/);
    for (const b of route.bridges)
      expect(distanceToLineM(route.coordinates, b.lon, b.lat), b.name).toBeLessThan(80);
  });
});

describe('seeding', () => {
  it('writes the exercise once, with chainage, references and a journal entry per record', () => {
    const { app, call } = testApp();
    signInAs(call, 'officer');
    const op = getOperation(app.db);
    expect(op).toMatchObject({
      mode: 'exercise',
      timezone: 'Europe/Paris',
      scenarioStart: '2024-07-26T16:00:00.000Z',
    });
    expect(countUnits(app.db)).toEqual({
      units: scenario.units.length,
      personnel: scenario.units.reduce((n, u) => n + u.personnel, 0),
    });
    const [route] = call('listRoutes', {});
    expect(route?.bridges[0]?.chainageKm).toBeLessThan(0.1);
    const chainages = route?.bridges.map((b) => b.chainageKm) ?? [];
    expect(chainages).toEqual([...chainages].sort((a, b) => a - b));
    expect(chainages.at(-1)).toBeGreaterThan(5);
    expect(chainages.at(-1)).toBeLessThan(7);
    const incidents = call('listIncidents', { includeClosed: true });
    expect(incidents).toHaveLength(scenario.incidents.length);
    for (const i of incidents) expect(i.reference).toMatch(REFERENCE_PATTERN);
    expect(incidents.map((i) => i.reference)).toContain('INC-0726-0001');
    const created = listEntries(app.db, { limit: 1000 }).filter((e) => e.action === 'unit.created');
    expect(created).toHaveLength(scenario.units.length);
  });

  it('starts the exercise clock at the scenario start on first open, and keeps it running', () => {
    const { call, real } = testApp();
    const session = call('getSession', {});
    expect(session.operation.anchorReal).toBe(new Date(REAL_START).toISOString());
    real.advance(90 * 60_000);
    expect(new Date(clockFor(session.operation, real).now()).toISOString()).toBe('2024-07-26T17:30:00.000Z');
  });

  it('does not seed twice', () => {
    const first = testApp();
    signInAs(first.call, 'officer');
    const units = first.call('listUnits', {}).length;
    first.app.close();
    const second = testApp(first.dbPath);
    signInAs(second.call, 'officer');
    expect(second.call('listUnits', {})).toHaveLength(units);
    expect(second.call('verify', {}).ok).toBe(true);
  });
});

describe('seeded incidents under way', () => {
  it('have their units assigned, each unit on one incident, with matching statuses', () => {
    const { call } = testApp();
    signInAs(call, 'officer');
    const rows = call('listIncidents', {});
    const working = rows.flatMap((r) => r.assigned.map((a) => a.callsign));
    expect(working.length).toBeGreaterThan(4);
    expect(new Set(working).size).toBe(working.length);
    const units = new Map(call('listUnits', {}).map((u) => [u.callsign, u]));
    const follows = { acknowledged: 'assigned', dispatched: 'en_route', on_scene: 'on_scene' } as const;
    for (const r of rows) {
      const expected = follows[r.status as keyof typeof follows];
      for (const a of r.assigned)
        expect(units.get(a.callsign)?.status, `${r.reference} ${a.callsign}`).toBe(expected);
    }
  });
});

describe('seeded parade plan', () => {
  it('comes from the scenario: 85 boats from 19:30 Paris time at 15 km/h', () => {
    const { call } = testApp();
    signInAs(call, 'observer');
    const parade = call('getParade', {});
    expect(parade.plan).toMatchObject({
      start: '2024-07-26T17:30:00.000Z',
      speedKmh: 15,
      boats: 85,
      spacingM: 100,
    });
  });
});

describe('the exercise’s demo logins', () => {
  // The README's start command opens a usable console: `vigie seed` prints one login per role.
  const printed = [
    { login: 'officer', passphrase: 'vigie-officer-2024', role: 'watch_officer' },
    { login: 'supervisor', passphrase: 'vigie-supervisor-2024', role: 'supervisor' },
    { login: 'liaison-es', passphrase: 'vigie-liaison-es-2024', role: 'liaison' },
    { login: 'liaison-de', passphrase: 'vigie-liaison-de-2024', role: 'liaison' },
    { login: 'observer', passphrase: 'vigie-observer-2024', role: 'observer' },
    { login: 'wall', passphrase: 'vigie-wall-2024', role: 'wall' },
  ];

  async function seed(db: string) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      ['seed', '--db', db],
      { out: (s) => out.push(s), err: (s) => err.push(s) },
      paths,
    );
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    return JSON.parse(out.join('\n')) as { seeded: boolean; demoLogins: unknown };
  }

  it('are printed by `vigie seed`, six of them, and each signs in with its role', async () => {
    const db = tempDb();
    const summary = await seed(db);
    expect(summary.seeded).toBe(true);
    expect(summary.demoLogins).toEqual(printed);
    // Seeding again seeds nothing but still says how to sign in.
    expect(await seed(db)).toMatchObject({ seeded: false, demoLogins: printed });

    const { call } = testApp(db);
    expect(call('getSession', {}).demoLogins.map((d) => d.login)).toEqual(printed.map((d) => d.login));
    const wanted = {
      'liaison-es': { contingentId: 'es-pn' },
      'liaison-de': { contingentId: 'de-bpol' },
      observer: { country: 'GB' },
    } as Record<string, object>;
    for (const [i, d] of printed.entries()) {
      const desk = `DEMO${i}`;
      const op = call('signIn', { login: d.login, passphrase: d.passphrase, desk });
      expect(op, d.login).toMatchObject({ login: d.login, role: d.role, desk, ...wanted[d.login] });
      expect(call('getSession', {}).operator?.login).toBe(d.login);
    }
    // Only the printed passphrase opens them.
    signInAs(call, 'supervisor');
    const seq = call('listJournal', { limit: 1 })[0]?.seq ?? 0;
    expect(() => call('signIn', { ...signInInput('officer'), passphrase: 'vigie-officer-2025' })).toThrow(
      /not recognised/,
    );
    expect(call('getSession', {}).operator?.login).toBe('supervisor');
    expect(
      call('listJournal', { limit: 2 })
        .filter((e) => e.seq > seq)
        .map((e) => e.action),
    ).toEqual(['operator.sign_in_failed']);
  });
});
