// Roster `radio` and `phone` columns: stored on the unit, re-imported as journaled changes, written
// back by the export, and refused with the line, column and reason when malformed.
import { describe, expect, it } from 'vitest';
import { unitsToCsv } from '../../shared/unit-export.js';
import { testApp } from '../support/app.js';
import { addPerson, signInAs } from '../support/sign-in.js';

function signedIn() {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, 'Sgt. Ana Ruiz'), 'D3');
  return t;
}

const HEAD = 'callsign,country,agency,kind,personnel,liaison,radio,phone';

describe('unit radio and phone from the roster', () => {
  it('imports them, shows them on the unit and re-imports a change as a journaled update', () => {
    const { call } = signedIn();
    const csv = [
      HEAD,
      'PTX-LO-01,PT,PSP Teste,liaison,2,Cmdt. Rui Costa,TG 4190,+351 21 765 4321',
      'PTX-PAT-01,PT,PSP Teste,patrol,4,,Ch 14,',
      '',
    ].join('\n');
    expect(call('importRoster', { csv, dryRun: false })).toMatchObject({ imported: 2, rejected: [] });
    const byCallsign = (c: string) => call('listUnits', {}).find((u) => u.callsign === c);
    expect(byCallsign('PTX-LO-01')).toMatchObject({ radio: 'TG 4190', phone: '+351 21 765 4321' });
    expect(byCallsign('PTX-PAT-01')).toMatchObject({ radio: 'Ch 14', phone: null });
    const before = byCallsign('PTX-PAT-01')?.version ?? 0;

    // An empty cell keeps what the unit has; a new value replaces it and is journaled.
    const again = `${HEAD}\nPTX-PAT-01,PT,PSP Teste,patrol,4,,Ch 15,\nPTX-LO-01,PT,PSP Teste,liaison,2,,,\n`;
    expect(call('importRoster', { csv: again, dryRun: false })).toMatchObject({ imported: 0, updated: 1 });
    const patrol = byCallsign('PTX-PAT-01');
    expect(patrol).toMatchObject({ radio: 'Ch 15', phone: null });
    expect(patrol?.version).toBeGreaterThan(before);
    expect(byCallsign('PTX-LO-01')).toMatchObject({ radio: 'TG 4190', phone: '+351 21 765 4321' });
    const entry = call('listJournal', { limit: 5 }).find((e) => e.action === 'unit.updated');
    expect(entry?.data).toMatchObject({
      callsign: 'PTX-PAT-01',
      changes: { radio: { from: 'Ch 14', to: 'Ch 15' } },
    });
  });

  it('exports them in the roster format, which imports back to the same contacts', () => {
    const { call } = signedIn();
    const csv = `${HEAD}\nIT-CC-01,IT,Carabinieri,patrol,4,,"TG 12, net B",06 1234 5678\n`;
    call('importRoster', { csv, dryRun: false });
    const out = unitsToCsv(call('listUnits', {}), call('listContingents', {}));
    const header = out.split('\r\n')[0]?.split(',') ?? [];
    const line = out.split('\r\n').find((l) => l.startsWith('IT-CC-01,')) ?? '';
    expect(line).toContain('"TG 12, net B",06 1234 5678');
    expect(header.indexOf('phone')).toBe(header.indexOf('radio') + 1);

    const other = signedIn();
    expect(other.call('importRoster', { csv: out, dryRun: false }).rejected).toEqual([]);
    expect(other.call('listUnits', {}).find((u) => u.callsign === 'IT-CC-01')).toMatchObject({
      radio: 'TG 12, net B',
      phone: '06 1234 5678',
    });
  });

  it('rejects a bad phone or radio with its line, column and reason, and writes nothing', () => {
    const { call } = signedIn();
    const units = call('listUnits', {}).length;
    const csv = `${HEAD}\nGB-MET-01,GB,Met,patrol,4,,TG 1,call me\nGB-MET-02,GB,Met,patrol,4,,${'x'.repeat(41)},\n`;
    const r = call('importRoster', { csv, dryRun: false });
    expect(r.imported).toBe(0);
    expect(r.rejected).toEqual([
      {
        line: 2,
        column: 'phone',
        reason: expect.stringMatching(/^"call me" is not a phone number/) as string,
      },
      { line: 3, column: 'radio', reason: 'longer than 40 characters' },
    ]);
    expect(call('listUnits', {})).toHaveLength(units);
  });
});
