// The main flows on the Los Angeles 2028 package, through the contract as a desk calls it: the
// operation from its package, a roster by venue aliases, an incident (reference and times in
// America/Los_Angeles), nearest units, the handover report (times in Los Angeles time). Nothing
// here may fall back on Paris.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../electron/services/scenario-load.js';
import { main } from '../../electron/cli.js';
import { iso } from '../../shared/clock.js';
import { renderMarkdown } from '../../shared/report/markdown.js';
import { testDatabase } from '../support/backend.js';
import { testApp } from '../support/app.js';
import { paths } from '../support/temp.js';

const la = loadScenario(paths.resources, 'la-2028');
const officer = la.scenario.demoLogins.find((d) => d.login === 'officer');
const START = Date.parse(la.scenario.scenarioStart);

/** A database (a file, or a room on PostgreSQL) made by `vigie new`, opened as the console does. */
async function laApp() {
  const dbPath = testDatabase();
  const err: string[] = [];
  const code = await main(
    ['new', '--db', dbPath, '--scenario', la.dir],
    { out: () => undefined, err: (s) => err.push(s) },
    paths,
  );
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  const t = testApp(dbPath);
  if (!officer) throw new Error('no officer demo login');
  t.call('signIn', { login: officer.login, passphrase: officer.passphrase, desk: 'D1' });
  return t;
}

describe('the Los Angeles 2028 package', () => {
  it('is an exercise in Los Angeles time, with its own demo logins offered at sign-in', async () => {
    const t = await laApp();
    const s = t.call('getSession', {});
    expect(s.operation).toMatchObject({ timezone: 'America/Los_Angeles', mode: 'exercise' });
    expect(s.hostCountry).toBe('US');
    expect(t.app.state.demoLogins.map((d) => d.login)).toContain('liaison-fr');
    expect(t.call('listVenues', {}).map((v) => v.name)).toContain('Crypto.com Arena');
    // No level in the package: the US scale (NTAS), no advisory in force, never set.
    expect(t.call('getAlertLevel', {})).toMatchObject({ scale: 'ntas', level: 'none', version: 0 });
    // The exercise clock starts at 17:00 on 14 July 2028, Los Angeles time.
    expect(t.app.ctx.clock.now()).toBe(START);
  });

  it('imports a roster naming venues by alias, and keeps an unknown place as the site', async () => {
    const t = await laApp();
    const csv = [
      'callsign,country,agency,kind,personnel,armed,languages,status,lat,lon,venue',
      'MX-SSPC-01,MX,Policía Federal (exercise),patrol,4,yes,es|en,available,,,coliseum',
      'MX-SSPC-02,MX,Policía Federal (exercise),patrol,4,yes,es|en,available,,,sofi',
      'MX-SSPC-03,MX,Policía Federal (exercise),patrol,4,yes,es|en,available,34.0522,-118.2437,City Hall steps',
    ].join('\n');
    const r = t.call('importRoster', { csv, dryRun: false });
    expect(r).toMatchObject({ imported: 3, rejected: [] });
    expect(r.warnings.map((w) => w.value)).toEqual(['City Hall steps']);
    const units = new Map(t.call('listUnits', {}).map((u) => [u.callsign, u]));
    expect(units.get('MX-SSPC-01')?.venueId).toBe('la-memorial-coliseum');
    expect(units.get('MX-SSPC-02')?.venueId).toBe('sofi-stadium');
    expect(units.get('MX-SSPC-03')).toMatchObject({ venueId: null, lat: 34.0522, lon: -118.2437 });
  });

  it('numbers an incident by the Los Angeles day and finds the nearest units there', async () => {
    const t = await laApp();
    const i = t.call('createIncident', {
      category: 'suspicious_package',
      priority: 2,
      title: 'Box left by the Crypto.com Arena box office',
      description: 'Exercise inject',
      source: 'patrol',
      reporter: 'US-LAPD-PAT-01',
      lat: 34.0431,
      lon: -118.2675,
      locationText: 'Box office',
    });
    // 00:00Z on 15 July is still 14 July (17:00) in Los Angeles: the reference takes that day.
    expect(i.reference).toMatch(/^INC-0714-\d{4}$/);
    expect(i.createdAt).toBe(iso(START));
    const near = t.call('nearestUnits', { lat: 34.0431, lon: -118.2675 });
    expect(near.units[0]?.unit.callsign).toBe('US-LAPD-PAT-01');
    expect(near.units[0]?.distanceM).toBeLessThan(200);
    // Every answer is within the default reach: no unit of another continent is "nearest".
    for (const u of near.units) expect(u.distanceM).toBeLessThanOrEqual(25_000);
  });

  it('writes the handover report in Los Angeles time', async () => {
    const t = await laApp();
    const window = {
      from: iso(START - 60 * 60_000),
      to: iso(START),
      incomingName: 'Lt. Incoming',
      lang: 'en' as const,
    };
    const m = t.call('previewHandover', { ...window, pendingActions: [] });
    expect(m.header.operation).toEqual({
      name: 'Los Angeles 2028 — Opening ceremony (exercise)',
      mode: 'exercise',
      timezone: 'America/Los_Angeles',
    });
    expect(m.openIncidents.length).toBeGreaterThan(2);
    // The map is framed on Los Angeles, with no river of another city in it.
    expect(m.map.water).toEqual([]);
    expect(m.map.bounds.west).toBeLessThan(-118.2);
    expect(m.map.bounds.north).toBeLessThan(34.3);
    const md = renderMarkdown(m);
    expect(md).toMatch(
      /14\/07\/2028 16:00 – 17:00 Los Angeles \(23:00 – 00:00 UTC\)|16:00 – 17:00 Los Angeles/,
    );
    expect(md).not.toMatch(/Paris/);
  });
});
