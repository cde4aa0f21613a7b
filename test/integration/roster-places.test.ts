// Rosters as contingents send them: places named loosely, unknown ones kept as the unit's site,
// several liaison names for one contingent, and a database without an operation.
import { describe, expect, it } from 'vitest';
import { openVigie } from '../../electron/services/app.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { fixedClock } from '../../shared/clock.js';
import { ApiError } from '../../shared/errors.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { REAL_START, testApp } from '../support/app.js';
import { paths } from '../support/temp.js';
import { testDatabase } from '../support/backend.js';
import { addPerson, signInAs } from '../support/sign-in.js';

const HEAD = 'callsign,country,agency,kind,personnel,lat,lon,venue,liaison,notes';

function signedIn() {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, 'Sgt. Ana Ruiz'), 'D3');
  return t;
}

const thrown = (f: () => unknown): ApiError => {
  try {
    f();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('no error');
};

describe('importRoster: places and liaisons as contingents write them', () => {
  it('finds venues and bridges loosely, and keeps an unknown place beside a position as the site', () => {
    const t = signedIn();
    const { call } = t;
    const csv = [
      HEAD,
      'NL-KMAR-01,NL,Koninklijke Marechaussee,patrol,4,,,stade de france,,',
      "NL-KMAR-02,NL,Koninklijke Marechaussee,patrol,4,,,Pont d'Iena,,",
      'NL-KMAR-03,NL,Koninklijke Marechaussee,patrol,4,,,concorde,,',
      'NL-KMAR-04,NL,Koninklijke Marechaussee,patrol,4,48.8566,2.3522,Hôtel de Ville (parvis),,Radio 4',
    ].join('\n');
    const result = call('importRoster', { csv, dryRun: false });
    expect(result.rejected).toEqual([]);
    expect(result.imported).toBe(4);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({
      line: 5,
      column: 'venue',
      value: 'Hôtel de Ville (parvis)',
      reason: expect.stringMatching(/kept as the unit's site/) as unknown,
    });
    expect(result.warnings[0]?.closest).toHaveLength(3);

    const units = new Map(call('listUnits', {}).map((u) => [u.callsign, u]));
    expect(units.get('NL-KMAR-01')).toMatchObject({ venueId: 'stade-de-france', notes: null });
    expect(units.get('NL-KMAR-03')).toMatchObject({ venueId: 'concorde' });
    // The bridge: where the scenario's route puts it, named in the notes (a unit has no site column).
    expect(units.get('NL-KMAR-02')).toMatchObject({
      venueId: null,
      lat: 48.8597,
      lon: 2.2922,
      positionSource: 'import',
      notes: "Site: Pont d'Iéna",
    });
    expect(units.get('NL-KMAR-04')).toMatchObject({
      venueId: null,
      lat: 48.8566,
      lon: 2.3522,
      notes: 'Radio 4\nSite: Hôtel de Ville (parvis)',
    });
    const [summary] = call('listJournal', { limit: 1 });
    expect(summary).toMatchObject({ action: 'roster.imported', data: { warnings: result.warnings } });
    expect(call('verify', {}).ok).toBe(true);

    // Re-imported at another place: the site line is replaced, the rest of the notes kept.
    const again = `${HEAD}\nNL-KMAR-04,NL,Koninklijke Marechaussee,patrol,4,48.857,2.352,Quai de Gesvres,,\n`;
    expect(call('importRoster', { csv: again, dryRun: false })).toMatchObject({ updated: 1, rejected: [] });
    expect(call('listUnits', {}).find((u) => u.callsign === 'NL-KMAR-04')?.notes).toBe(
      'Radio 4\nSite: Quai de Gesvres',
    );
  });

  it('gives a contingent its first liaison and keeps each other name as that unit contact', () => {
    const t = signedIn();
    const { call } = t;
    const csv = [
      HEAD,
      'PT-PJ-01,PT,Polícia Judiciária,patrol,4,,,,Cmdt. Rui Costa,',
      'PT-PJ-02,PT,Polícia Judiciária,patrol,4,,,,Insp. Ana Sousa,',
      'PT-PJ-03,PT,polícia judiciária,patrol,4,,,,Cmdt. Rui Costa,',
    ].join('\n');
    const result = call('importRoster', { csv, dryRun: false });
    expect(result).toMatchObject({ imported: 3, rejected: [] });
    expect(result.warnings).toEqual([
      {
        line: 3,
        column: 'liaison',
        value: 'Insp. Ana Sousa',
        reason:
          'PT Polícia Judiciária already has liaison "Cmdt. Rui Costa" (line 2): ' +
          '"Insp. Ana Sousa" kept as this unit\'s contact',
      },
    ]);
    const pj = call('listContingents', {}).find(
      (c) => c.country === 'PT' && c.agency === 'Polícia Judiciária',
    );
    expect(pj).toMatchObject({ liaisonName: 'Cmdt. Rui Costa', personnel: 12 });
    const notes = (callsign: string) => call('listUnits', {}).find((u) => u.callsign === callsign)?.notes;
    expect([notes('PT-PJ-01'), notes('PT-PJ-02'), notes('PT-PJ-03')]).toEqual([
      null,
      'Contact: Insp. Ana Sousa',
      null,
    ]);
  });

  it('still rejects the whole file for real errors, with an unknown place in it or not', () => {
    const t = signedIn();
    const { call } = t;
    const before = call('listUnits', {}).length;
    const csv = [
      HEAD,
      'IT-CC-01,IT,Carabinieri,patrol,4,45.46,9.19,Piazza del Duomo,,',
      'IT-CC-02,IT,Carabinieri,gondola,4,,,,,',
      'IT-CC-03,IT,Carabinieri,patrol,4,,,Stade de Franse,,',
    ].join('\n');
    const result = call('importRoster', { csv, dryRun: false });
    expect(result.imported).toBe(0);
    expect(result.rejected.map((r) => [r.line, r.column])).toEqual([
      [3, 'kind'],
      [4, 'venue'],
    ]);
    expect(result.rejected[1]?.reason).toMatch(/closest: Stade de France/);
    expect(call('listUnits', {})).toHaveLength(before);
  });

  it('says a database without an operation must get one first, instead of a venue error per row', () => {
    const app = openVigie({
      dbPath: testDatabase(),
      resourcesDir: paths.resources,
      seed: false,
      real: fixedClock(REAL_START),
    });
    try {
      const desk = createDesk();
      const call = <K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> => {
        const r = dispatch(app.handlers, name, input, desk);
        if (!r.ok) throw new ApiError(r.error);
        return r.value as CallOutput<K>;
      };
      signInAs(call, addPerson(app.ctx, 'Sgt. Ana Ruiz'), 'D3');
      const csv = `${HEAD}\nA-1,FR,X,patrol,2,,,Stade de France,,\nA-2,FR,X,patrol,2,,,Bercy Arena,,\n`;
      for (const dryRun of [true, false]) {
        const err = thrown(() => call('importRoster', { csv, dryRun }));
        expect(err.code).toBe('invalid_input');
        expect(err.message).toMatch(/holds no operation: create one first \(vigie seed --db FILE/);
        expect(err.issues).toEqual([{ path: 'operation', message: expect.any(String) as unknown }]);
      }
      expect(call('listUnits', {})).toEqual([]);
    } finally {
      app.close();
    }
  });
});
