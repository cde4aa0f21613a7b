import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openVigie } from '../../electron/services/app.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { insertVenue } from '../../electron/store/venues.js';
import { setOperation } from '../../electron/store/meta.js';
import { journal, SYSTEM } from '../../electron/services/context.js';
import { fixedClock } from '../../shared/clock.js';
import { ApiError } from '../../shared/errors.js';
import { unitsToCsv, unitsToGeoJson } from '../../shared/unit-export.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { REAL_START, testApp } from '../support/app.js';
import { paths, tempDb } from '../support/temp.js';
import { addPerson, signInAs } from '../support/sign-in.js';

const OFFICER = 'Sgt. Ana Ruiz';
const DESK = 'D3';
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/rosters/${name}`, import.meta.url), 'utf8');

function signedIn() {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, OFFICER), DESK);
  return t;
}

/** Everything an import could touch, to compare before and after (read at `desk`). */
function snapshot(t: ReturnType<typeof testApp>, desk = t.desk) {
  return {
    units: t.call('listUnits', {}, desk),
    contingents: t.call('listContingents', {}, desk),
    journal: t.call('listJournal', { limit: 1 }, desk)[0]?.seq,
    positions: t.app.db.prepare('SELECT count(*) AS n FROM unit_positions').get(),
  };
}

describe('importRoster', () => {
  it('imports a valid file: contingents found or created, units, positions, journal', () => {
    const t = signedIn();
    const { call } = t;
    const before = call('listUnits', {}).length;
    const result = call('importRoster', { csv: fixture('valid.csv'), dryRun: false });
    expect(result).toEqual({
      imported: 4,
      updated: 0,
      rejected: [],
      warnings: [
        { line: 1, column: '', reason: 'unknown column "talkgroup" (column 19) ignored', value: 'talkgroup' },
      ],
    });
    const units = call('listUnits', {});
    expect(units).toHaveLength(before + 4);

    const greek = call('listContingents', {}).find((c) => c.agency === 'Ελληνική Αστυνομία');
    expect(greek).toMatchObject({
      agency: 'Ελληνική Αστυνομία',
      liaisonName: 'Νίκος Παπαδόπουλος',
      languages: ['el', 'en', 'fr'],
      personnel: 8,
    });
    const k9 = units.find((u) => u.callsign === 'AE-DXB-K9-01');
    expect(k9).toMatchObject({
      country: 'AE',
      agency: 'وزارة الداخلية',
      kind: 'k9_explosives',
      status: 'available',
      armed: false,
      lat: 48.8606,
      lon: 2.3376,
      positionSource: 'import',
      positionAt: '2024-07-26T16:00:00.000Z',
      positionStale: false,
      k9: {
        handler: 'Cpl. Hamad Al Mansoori',
        dog: 'Saqr',
        detection: 'explosives',
        restDue: '2024-07-26T17:30:00.000Z',
      },
      notes: 'Dog rests every 40 min.\nWater at the Louvre post, gate B.',
    });
    expect(units.find((u) => u.callsign === 'GR-EKAM-02')).toMatchObject({
      status: 'on_scene',
      venueId: 'stade-de-france',
      lat: null,
      positionAt: null,
    });
    expect(call('listUnitPositions', { id: k9?.id ?? '' })).toEqual([
      { at: '2024-07-26T16:00:00.000Z', lat: 48.8606, lon: 2.3376, source: 'import' },
    ]);

    const entries = call('listJournal', { limit: 8 }).reverse();
    expect(entries.map((e) => e.action)).toEqual([
      ...Array<string>(3).fill('contingent.created'),
      ...Array<string>(4).fill('unit.created'),
      'roster.imported',
    ]);
    expect(entries.at(-1)).toMatchObject({
      operator: OFFICER,
      desk: 'D3',
      data: { rows: 4, imported: 4, updated: 0, contingentsCreated: 3, contingentsUpdated: 0 },
    });
    expect(call('verify', {}).ok).toBe(true);
  });

  it('reads a ; file with a BOM into an existing contingent, adding its languages', () => {
    const { call } = signedIn();
    const es = call('listContingents', {}).find((c) => c.country === 'ES' && c.agency === 'Policía Nacional');
    const result = call('importRoster', { csv: fixture('valid-semicolon-bom.csv'), dryRun: false });
    expect(result).toMatchObject({ imported: 3, updated: 0, rejected: [] });
    const river = call('listUnits', {}).find((u) => u.callsign === 'ES-PN-RV-01');
    expect(river).toMatchObject({ contingentId: es?.id, kind: 'river', personnel: 5, armed: true });
    // Known contingents keep their head count; the file's languages were already theirs.
    expect(call('listContingents', {}).find((c) => c.id === es?.id)).toEqual(es);
    const garde = call('listContingents', {}).find((c) => c.agency === 'Garde républicaine');
    expect(garde).toMatchObject({ country: 'FR', personnel: 31, languages: ['fr', 'en'], liaisonName: null });
  });

  it('rejects the whole file when any row is bad: database and journal unchanged', () => {
    const t = signedIn();
    const before = snapshot(t);
    const result = t.call('importRoster', { csv: fixture('invalid.csv'), dryRun: false });
    expect(result.imported).toBe(0);
    expect(result.updated).toBe(0);
    expect(result.rejected).toHaveLength(12);
    expect(result.rejected[0]).toEqual({ line: 4, column: 'callsign', reason: 'required value missing' });
    expect(snapshot(t)).toEqual(before);
  });

  it('a dry run validates and counts but writes nothing; without a sign-in nothing is imported', () => {
    const t = testApp();
    // An officer at another desk looks; this desk has nobody signed in.
    const officer = createDesk();
    signInAs(t.call, 'officer', 'D4', officer);
    const before = snapshot(t, officer);
    expect(t.call('importRoster', { csv: fixture('valid.csv'), dryRun: true }, officer)).toMatchObject({
      imported: 4,
      updated: 0,
      rejected: [],
    });
    expect(snapshot(t, officer)).toEqual(before);
    const err = (() => {
      try {
        t.call('importRoster', { csv: fixture('valid.csv'), dryRun: false });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('unauthorized');
    expect(snapshot(t, officer)).toEqual(before);
  });

  it('re-importing updates units by callsign, journaling only what changed', () => {
    const t = signedIn();
    const { call, real } = t;
    call('importRoster', { csv: fixture('valid.csv'), dryRun: false });
    const again = call('importRoster', { csv: fixture('valid.csv'), dryRun: false });
    expect(again).toMatchObject({ imported: 0, updated: 0, rejected: [] });

    real.advance(10 * 60_000);
    const unit = call('listUnits', {}).find((u) => u.callsign === 'GR-EKAM-01');
    const csv =
      'callsign,country,agency,kind,personnel,status,lat,lon,notes,sector\n' +
      'gr-ekam-01,GR,ελληνική αστυνομία,patrol,6,off_duty,48.86,2.3,,\n' +
      'GR-EKAM-03,GR,Ελληνική Αστυνομία,patrol,3,,,,new,\n';
    expect(call('importRoster', { csv, dryRun: false })).toMatchObject({
      imported: 1,
      updated: 1,
      rejected: [],
    });
    const after = call('listUnits', {}).find((u) => u.callsign === 'GR-EKAM-01');
    // Empty cells leave the unit as it was (notes, sector); given ones change it.
    expect(after).toMatchObject({
      id: unit?.id,
      contingentId: unit?.contingentId,
      personnel: 6,
      status: 'off_duty',
      lat: 48.86,
      lon: 2.3,
      positionAt: '2024-07-26T16:10:00.000Z',
      notes: unit?.notes,
      sector: unit?.sector,
      version: (unit?.version ?? 0) + 1,
    });
    expect(call('listUnits', {}).filter((u) => u.callsign.startsWith('GR-EKAM-'))).toHaveLength(3);
    const [updated] = call('listJournal', { limit: 1, entityId: unit?.id ?? '' });
    expect(updated).toMatchObject({
      action: 'unit.updated',
      data: {
        callsign: 'GR-EKAM-01',
        changes: {
          personnel: { from: 4, to: 6 },
          status: { from: 'available', to: 'off_duty' },
          lat: { from: 48.8584, to: 48.86 },
          lon: { from: 2.2945, to: 2.3 },
          positionAt: { from: '2024-07-26T16:00:00.000Z', to: '2024-07-26T16:10:00.000Z' },
        },
      },
    });
    expect(Object.keys((updated?.data as { changes: object }).changes).sort()).toEqual(
      ['lat', 'lon', 'personnel', 'positionAt', 'status'].sort(),
    );
    expect(call('listUnitPositions', { id: unit?.id ?? '' })).toHaveLength(2);
  });

  it('will not free a unit that is working an incident', () => {
    const t = signedIn();
    const { call } = t;
    const unit = call('listUnits', {}).find((u) => u.status === 'available');
    const incident = call('listIncidents', {})[0];
    if (!unit || !incident) throw new Error('seed data missing');
    call('assignUnit', { incidentId: incident.id, unitId: unit.id });
    const before = snapshot(t);
    const csv = `callsign,country,agency,kind,personnel,status\n${unit.callsign},${unit.country},${unit.agency},${unit.kind},${unit.personnel},available\n`;
    const result = call('importRoster', { csv, dryRun: false });
    expect(result.rejected).toEqual([
      {
        line: 2,
        column: 'status',
        reason: `${unit.callsign} is working an incident: release it there first`,
      },
    ]);
    expect(snapshot(t)).toEqual(before);
  });

  it('tells new units from known ones across a long roster (callsigns asked a chunk at a time)', () => {
    const { call } = signedIn();
    const roster = (n: number, personnelOf: (i: number) => number) =>
      'callsign,country,agency,kind,personnel\n' +
      Array.from({ length: n }, (_, i) => `LONG-${i},FR,Police,patrol,${personnelOf(i)}`).join('\n');
    expect(call('importRoster', { csv: roster(450, () => 2), dryRun: false })).toMatchObject({
      imported: 450,
      updated: 0,
    });
    // 30 new callsigns after the 450, and one change in the last, padded chunk.
    expect(
      call('importRoster', { csv: roster(480, (i) => (i === 430 ? 5 : 2)), dryRun: false }),
    ).toMatchObject({ imported: 30, updated: 1, rejected: [] });
    const units = call('listUnits', {}).filter((u) => u.callsign.startsWith('LONG-'));
    expect(units).toHaveLength(480);
    expect(units.find((u) => u.callsign === 'LONG-430')?.personnel).toBe(5);
  });

  it('refuses a roster over 5 MB at the contract', () => {
    const { call } = signedIn();
    const csv = 'callsign,country,agency,kind,personnel\n' + 'x'.repeat(5 * 1024 * 1024);
    expect(() => call('importRoster', { csv, dryRun: true })).toThrow(/csv/);
  });
});

describe('units export', () => {
  it('round-trips: the CSV export imports back to the same units', () => {
    const a = signedIn();
    a.call('importRoster', { csv: fixture('valid.csv'), dryRun: false });
    const units = a.call('listUnits', {});
    const csv = unitsToCsv(units, a.call('listContingents', {}));
    // Into the same database: every unit is found by callsign and nothing differs.
    expect(a.call('importRoster', { csv, dryRun: false })).toEqual({
      imported: 0,
      updated: 0,
      rejected: [],
      warnings: [],
    });
    expect(a.call('listUnits', {})).toEqual(units);

    // Into an empty database with the same venues: the same units, exported to the same text.
    const b = openVigie({
      dbPath: tempDb(),
      resourcesDir: paths.resources,
      seed: false,
      real: fixedClock(REAL_START),
    });
    try {
      // The operation and venues as a scenario would bring them: written and journaled together.
      b.db.transaction(() => {
        setOperation(b.db, {
          scenarioId: null,
          name: 'Copy',
          mode: 'real',
          timezone: 'Europe/Paris',
          scenarioStart: null,
          anchorReal: null,
        });
        for (const v of a.call('listVenues', {})) insertVenue(b.db, v);
        journal({ db: b.db, clock: fixedClock(REAL_START), real: fixedClock(REAL_START) }, SYSTEM, {
          action: 'venue.created',
          entityType: 'venue',
          entityId: null,
          data: null,
        });
      })();
      const desk = createDesk();
      const call = <K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> => {
        const r = dispatch(b.handlers, name, input, desk);
        if (!r.ok) throw new ApiError(r.error);
        return r.value as CallOutput<K>;
      };
      signInAs(call, addPerson(b.ctx, OFFICER), DESK);
      expect(call('importRoster', { csv, dryRun: false })).toMatchObject({
        imported: units.length,
        rejected: [],
      });
      const copied = call('listUnits', {});
      expect(unitsToCsv(copied, call('listContingents', {}))).toBe(csv);
      const fields = (u: (typeof units)[number]) => ({
        callsign: u.callsign,
        country: u.country,
        agency: u.agency,
        kind: u.kind,
        personnel: u.personnel,
        armed: u.armed,
        status: u.status,
        venueId: u.venueId,
        sector: u.sector,
        lat: u.lat,
        lon: u.lon,
        k9: u.k9,
        notes: u.notes,
      });
      expect(copied.map(fields)).toEqual(units.map(fields));
    } finally {
      b.close();
    }
  });

  it('writes formulas inert and GeoJSON points for placed units only', () => {
    const { call } = signedIn();
    const csv =
      'callsign,country,agency,kind,personnel,notes\nX-01,FR,"=cmd|\' /C calc\'!A0",patrol,2,"@SUM(1)"\n';
    expect(call('importRoster', { csv, dryRun: false }).rejected).toEqual([]);
    const units = call('listUnits', {});
    const x = units.find((u) => u.callsign === 'X-01');
    expect(x).toMatchObject({ agency: "=cmd|' /C calc'!A0", notes: '@SUM(1)' });
    const out = unitsToCsv(units, call('listContingents', {}));
    expect(out).toContain(`\r\nX-01,FR,'=cmd|' /C calc'!A0,patrol,2,no,,,available,,,,,,,,,,,'@SUM(1)\r\n`);

    const geo = unitsToGeoJson(units);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(units.filter((u) => u.lat !== null).length);
    const first = geo.features[0];
    const unit = units.find((u) => u.id === first?.id);
    expect(first?.geometry.coordinates).toEqual([unit?.lon, unit?.lat]);
    expect(first?.properties).toMatchObject({ callsign: unit?.callsign, status: unit?.status });
    expect(geo.features.some((f) => f.properties.callsign === 'X-01')).toBe(false);
  });
});
