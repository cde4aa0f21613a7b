import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { tempDir } from '../support/temp.js';
import { runCli } from '../support/cli-run.js';
import { testApp } from '../support/app.js';
import { signInAs } from '../support/sign-in.js';

const run = runCli;

/** A database with a closed incident, an open one with a unit on it, and a formula-looking title. */
function prepared() {
  const t = testApp();
  signInAs(t.call, 'officer');
  const base = {
    category: 'disorder',
    priority: 3,
    source: 'radio',
    description: 'Line one\nline two, with a comma',
  } as const;
  let closed = t.call('createIncident', {
    ...base,
    title: 'Scuffle, quai Branly',
    lat: 48.8601,
    lon: 2.2931,
  });
  for (const action of ['acknowledge', 'dispatch', 'arrive', 'resolve', 'close'] as const) {
    closed = t.call('transitionIncident', {
      id: closed.id,
      version: closed.version,
      action,
      ...(action === 'close' ? { reason: 'Separated, no injury' } : {}),
    });
  }
  const open = t.call('createIncident', { ...base, title: '=HYPERLINK("x")', locationText: 'Quai d’Orsay' });
  const unit = t.call('listUnits', {}).find((u) => u.status === 'available');
  if (!unit) throw new Error('no unit');
  t.call('assignUnit', { incidentId: open.id, unitId: unit.id });
  t.app.close();
  return { ...t, closed, open, unit };
}

describe('vigie export', () => {
  it('writes every incident as CSV, closed ones included, safe for spreadsheets', async () => {
    const p = prepared();
    const out = join(tempDir(), 'incidents.csv');
    const r = await run('export', '--db', p.dbPath, '--what', 'incidents', '--format', 'csv', '--out', out);
    expect(r.code).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    const byRef = new Map(parsed.data.map((row) => [row.reference, row]));
    expect(byRef.get(p.closed.reference)).toMatchObject({
      status: 'closed',
      description: 'Line one\nline two, with a comma',
    });
    expect(byRef.get(p.open.reference)).toMatchObject({
      title: `'=HYPERLINK("x")`,
      units: p.unit.callsign,
      location: 'Quai d’Orsay',
    });
    expect(parsed.data.length).toBeGreaterThanOrEqual(10);
  });

  it('writes incidents as GeoJSON points, unlocated ones with null geometry', async () => {
    const p = prepared();
    const r = await run('export', '--db', p.dbPath, '--what', 'incidents', '--format', 'geojson');
    const fc = JSON.parse(r.stdout) as {
      features: { id: string; geometry: { coordinates: number[] } | null; properties: { status: string } }[];
    };
    const closed = fc.features.find((f) => f.id === p.closed.reference);
    expect(closed?.geometry?.coordinates).toEqual([2.2931, 48.8601]);
    expect(fc.features.find((f) => f.id === p.open.reference)?.geometry).toBeNull();
  });

  it('writes units as a re-importable roster CSV and as GeoJSON', async () => {
    const p = prepared();
    const csv = await run('export', '--db', p.dbPath, '--what', 'units', '--format', 'csv');
    const rows = Papa.parse<Record<string, string>>(csv.stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.callsign === p.unit.callsign)).toMatchObject({
      status: 'assigned',
      country: p.unit.country,
    });
    const geo = await run('export', '--db', p.dbPath, '--what', 'units', '--format', 'geojson');
    expect((JSON.parse(geo.stdout) as { features: unknown[] }).features.length).toBe(rows.length);
  });

  it('rejects bad flags naming them, exit 2', async () => {
    const p = prepared();
    const bad = await run('export', '--db', p.dbPath, '--what', 'cats', '--format', 'csv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--what: expected one of units, incidents, zones, all/);
    expect((await run('export', '--db', p.dbPath, '--what', 'units')).stderr).toMatch(/--format/);
    expect(
      (await run('export', '--db', '/nonexistent/x.db', '--what', 'units', '--format', 'csv')).code,
    ).toBe(2);
  });
});
