// `vigie new --db FILE --scenario DIR`: a package is checked whole before anything is written
// (errors name the file, the feature or line, the field), and a database holding an operation is
// refused. The Los Angeles 2028 package and a package in CSV both make an operation.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../electron/cli.js';
import { openDatabase } from '../../electron/store/db.js';
import { getOperation, hostCountry } from '../../electron/store/meta.js';
import { listNamedVenues } from '../../electron/store/venues.js';
import { listRoutes } from '../../electron/store/routes.js';
import { listZones } from '../../electron/store/zones.js';
import { paths, tempDir, tempDb } from '../support/temp.js';

const LA = join(paths.resources, 'scenario', 'la-2028');

async function vigie(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A copy of the LA package to spoil. */
function laCopy(): string {
  const dir = join(tempDir('vigie-pkg-'), 'la');
  cpSync(LA, dir, { recursive: true });
  return dir;
}

/** Just what the tests spoil of a package's GeoJSON: a feature's properties and geometry. */
interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
interface Collection {
  features: Feature[];
}

function feature(fc: Collection, i: number): Feature {
  const f = fc.features[i];
  if (!f) throw new Error(`the package has no feature ${i}`);
  return f;
}

/** Rewrites one JSON file of a package through `edit`. */
function editJson<T>(file: string, edit: (v: T) => void): void {
  const v = JSON.parse(readFileSync(file, 'utf8')) as T;
  edit(v);
  writeFileSync(file, JSON.stringify(v));
}

function read<T>(db: string, f: (d: ReturnType<typeof openDatabase>) => T): T {
  const d = openDatabase(db);
  try {
    return f(d);
  } finally {
    d.close();
  }
}

describe('vigie new', () => {
  it('creates the Los Angeles 2028 operation from its package', async () => {
    const db = tempDb();
    const r = await vigie('new', '--db', db, '--scenario', LA);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({
      seeded: true,
      timezone: 'America/Los_Angeles',
      mode: 'exercise',
      venues: 10,
    });
    read(db, (d) => {
      expect(getOperation(d)).toMatchObject({
        scenarioId: 'la-2028-opening',
        timezone: 'America/Los_Angeles',
      });
      expect(hostCountry(d)).toBe('US');
      const venues = listNamedVenues(d);
      const coliseum = venues.find((v) => v.id === 'la-memorial-coliseum');
      // A polygon venue: its point is the polygon's centre, and the polygon is drawn as a perimeter.
      expect(coliseum).toMatchObject({ lat: 34.0141, lon: -118.2879 });
      expect(coliseum?.aliases).toContain('Coliseum');
      expect(listZones(d).map((z) => z.id)).toContain('venue-la-memorial-coliseum');
      const [route] = listRoutes(d);
      expect(route?.bridges.map((b) => b.name)).toContain('Checkpoint Bravo (exercise)');
      expect(route?.bridges.at(-1)?.chainageKm).toBeGreaterThan(8);
    });
    // Everything it wrote is journaled: the chain and the after-images check out.
    const verified = await vigie('verify', '--db', db);
    expect(verified.code, verified.stdout).toBe(0);
  });

  it('refuses a database that already holds an operation, writing nothing', async () => {
    const db = tempDb();
    expect((await vigie('seed', '--db', db)).code).toBe(0);
    const r = await vigie('new', '--db', db, '--scenario', LA);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds an operation \("Paris 2024/);
    read(db, (d) => expect(getOperation(d)?.timezone).toBe('Europe/Paris'));
  });

  it('refuses a bad GeoJSON feature, naming the file, the feature and the field; no database is made', async () => {
    const dir = laCopy();
    editJson<Collection>(join(dir, 'venues.geojson'), (fc) => {
      feature(fc, 3).properties.name = '';
      (feature(fc, 0).geometry.coordinates as number[][][])[0]?.pop(); // the Coliseum's ring no longer closes
    });
    editJson<Collection>(join(dir, 'zones.geojson'), (fc) => {
      feature(fc, 1).geometry = {
        type: 'LineString',
        coordinates: [
          [-118.3, 33.9],
          [-118.31, 33.91],
        ],
      };
    });
    const db = tempDb();
    const r = await vigie('new', '--db', db, '--scenario', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/venues\.geojson: feature 3: name: /);
    expect(r.stderr).toMatch(/venues\.geojson: feature 0: geometry\.coordinates\.0/);
    expect(r.stderr).toMatch(/zones\.geojson: features\.1\.geometry\.type: .*LineString/);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a CSV row with a bad coordinate and a missing name, by line and column', async () => {
    const dir = laCopy();
    rmSync(join(dir, 'venues.geojson'));
    writeFileSync(
      join(dir, 'venues.csv'),
      [
        'id,name,aliases,kind,lat,lon',
        'la-memorial-coliseum,LA Memorial Coliseum,Coliseum;LA Coliseum,stadium,34.0141,-118.2879',
        'sofi-stadium,SoFi Stadium,SoFi,stadium,33.9535,-1183392',
        'crypto-com-arena,,,arena,34.0430,-118.2673',
      ].join('\n'),
    );
    const db = tempDb();
    const r = await vigie('new', '--db', db, '--scenario', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/venues\.csv: line 3: lon: "-1183392" is not a longitude/);
    expect(r.stderr).toMatch(/venues\.csv: line 4: name: /);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a missing file, an unknown time zone and a venue far outside the area', async () => {
    const dir = laCopy();
    editJson<{ timezone: string }>(join(dir, 'scenario.json'), (s) => (s.timezone = 'America/Hollywood'));
    editJson<Collection>(
      join(dir, 'venues.geojson'),
      (fc) => (feature(fc, 4).geometry.coordinates = [118.24, 34.0739]),
    );
    const db = tempDb();
    const r = await vigie('new', '--db', db, '--scenario', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenario\.json: timezone: "America\/Hollywood" is not a known IANA time zone/);
    expect(r.stderr).toMatch(/venue 4 \("Dodger Stadium"\): lat, lon: \d+ km outside the operation's area/);
    rmSync(join(dir, 'scenario.json'));
    const missing = await vigie('new', '--db', db, '--scenario', dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/scenario\.json: missing \(required\)/);
    expect(existsSync(db)).toBe(false);
  });

  it('creates an operation from a CSV of venues, with aliases the roster import then matches', async () => {
    const dir = tempDir('vigie-pkg-');
    writeFileSync(
      join(dir, 'scenario.json'),
      JSON.stringify({
        id: 'csv-event',
        name: 'A real event',
        mode: 'real',
        timezone: 'America/Los_Angeles',
        scenarioStart: '2028-07-15T00:00:00Z',
        hostCountry: 'US',
      }),
    );
    writeFileSync(
      join(dir, 'venues.csv'),
      [
        'name,aliases,kind,lat,lon,polygon',
        'LA Memorial Coliseum,Coliseum;LA Coliseum,stadium,34.0141,-118.2879,',
        '"Rose Bowl (Pasadena)",The Bowl,stadium,,,"POLYGON((-118.169 34.160, -118.166 34.160, -118.166 34.163, -118.169 34.163, -118.169 34.160))"',
      ].join('\n'),
    );
    const db = tempDb();
    const r = await vigie('new', '--db', db, '--scenario', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const roster = join(dir, 'roster.csv');
    writeFileSync(
      roster,
      [
        'callsign,country,agency,kind,personnel,venue',
        'US-LASD-P1,US,LASD,patrol,4,la coliseum',
        'US-LASD-P2,US,LASD,patrol,4,the bowl',
      ].join('\n'),
    );
    const imported = await vigie('import-units', '--db', db, roster);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2, rejected: [] });
    read(db, (d) => {
      const bowl = listNamedVenues(d).find((v) => v.id === 'rose-bowl-pasadena');
      expect(bowl).toMatchObject({ lat: 34.1615, lon: -118.1675, aliases: ['The Bowl'] });
    });
  });
});
