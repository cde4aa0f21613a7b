// Zones through the contract on a real database: create, edit, delete (journaled under the operator,
// geometry kept), optimistic versions, and GeoJSON import/export (round trip; bad geometry refused
// with nothing written).
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { addPerson, signInAs } from '../support/sign-in.js';

const OFFICER = 'Cdt. Léa Martin';
const DESK = 'ZONES';
const ring: [number, number][] = [
  [2.34, 48.857],
  [2.342, 48.857],
  [2.342, 48.858],
  [2.34, 48.858],
  [2.34, 48.857],
];
const perimeter: CallInput<'createZone'> = {
  name: 'Pont Neuf perimeter',
  kind: 'security_perimeter',
  color: '#F59E0B',
  polygon: [ring],
};

function signedIn() {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, OFFICER), DESK);
  const lastSeq = () => t.call('listJournal', { limit: 1 })[0]?.seq ?? 0;
  return { ...t, lastSeq };
}

describe('zone edits', () => {
  it('creates a zone with a new id and journals it, geometry included, under the operator', () => {
    const t = signedIn();
    const zone = t.call('createZone', perimeter);
    expect(zone).toMatchObject({
      name: 'Pont Neuf perimeter',
      kind: 'security_perimeter',
      color: '#f59e0b',
      version: 1,
      polygon: [ring],
    });
    expect(t.call('listZones', {}).map((z) => z.id)).toContain(zone.id);
    const [entry] = t.call('listJournal', { limit: 1, entityId: zone.id });
    expect(entry).toMatchObject({
      action: 'zone.created',
      operator: OFFICER,
      desk: 'ZONES',
      data: { polygon: [ring] },
    });
  });

  it('refuses writes before sign-in and bad input, writing nothing', () => {
    const t = testApp();
    expectApiError(() => t.call('createZone', perimeter), 'unauthorized', /Sign in/);
    signInAs(t.call, addPerson(t.app.ctx, OFFICER), DESK);
    const seq = t.call('listJournal', { limit: 1 })[0]?.seq;
    const open = ring.slice(0, 4);
    const bad = expectApiError(
      () => t.call('createZone', { ...perimeter, polygon: [open] }),
      'invalid_input',
      /not closed/,
    );
    expect(bad.issues?.[0]?.path).toBe('polygon.0');
    expectApiError(
      () => t.call('createZone', { ...perimeter, kind: 'green_zone' as never }),
      'invalid_input',
      /kind/,
    );
    expectApiError(() => t.call('createZone', { ...perimeter, color: 'orange' }), 'invalid_input', /color/);
    const bowTie: [number, number][] = [ring[0], ring[2], ring[1], ring[3], ring[0]] as [number, number][];
    expectApiError(
      () => t.call('createZone', { ...perimeter, polygon: [bowTie] }),
      'invalid_input',
      /crosses itself/,
    );
    expect(t.call('listJournal', { limit: 1 })[0]?.seq).toBe(seq);
  });

  it('edits with the current version, records from/to, and refuses a stale version with the current zone', () => {
    const t = signedIn();
    const zone = t.call('createZone', perimeter);
    const moved = ring.map(([lon, lat]) => [Math.round((lon + 0.001) * 1e7) / 1e7, lat] as [number, number]);
    const v2 = t.call('updateZone', { id: zone.id, version: 1, name: 'Pont Neuf north', polygon: [moved] });
    expect(v2).toMatchObject({
      name: 'Pont Neuf north',
      version: 2,
      polygon: [moved],
      kind: 'security_perimeter',
    });
    const [entry] = t.call('listJournal', { limit: 1, entityId: zone.id });
    expect(entry?.action).toBe('zone.updated');
    expect(entry?.data).toMatchObject({
      changes: {
        name: { from: 'Pont Neuf perimeter', to: 'Pont Neuf north' },
        polygon: { from: [ring], to: [moved] },
      },
    });
    const stale = expectApiError(
      () => t.call('updateZone', { id: zone.id, version: 1, color: '#ff0000' }),
      'conflict',
      /version 2, yours 1/,
    );
    expect(stale.current).toMatchObject({ id: zone.id, version: 2 });
    // Nothing to change: no new version, no entry.
    const seq = t.lastSeq();
    expect(t.call('updateZone', { id: zone.id, version: 2, name: 'Pont Neuf north' }).version).toBe(2);
    expect(t.lastSeq()).toBe(seq);
    expectApiError(() => t.call('updateZone', { id: 'nowhere', version: 1, name: 'x' }), 'not_found');
  });

  it('deletes with the current version; the journal keeps the whole zone', () => {
    const t = signedIn();
    const zone = t.call('createZone', perimeter);
    expectApiError(() => t.call('deleteZone', { id: zone.id, version: 2 }), 'conflict');
    expect(t.call('deleteZone', { id: zone.id, version: 1 })).toEqual({ id: zone.id, deleted: true });
    expect(t.call('listZones', {}).some((z) => z.id === zone.id)).toBe(false);
    const [entry] = t.call('listJournal', { limit: 1, entityId: zone.id });
    expect(entry).toMatchObject({
      action: 'zone.deleted',
      data: { id: zone.id, name: zone.name, polygon: [ring] },
    });
    expectApiError(() => t.call('deleteZone', { id: zone.id, version: 1 }), 'not_found');
    expect(t.call('verify', {}).journal.ok).toBe(true);
  });
});

describe('GeoJSON import and export', () => {
  it('exports every zone and imports it into another database unchanged (round trip)', () => {
    const a = signedIn();
    a.call('createZone', perimeter);
    const exported = a.call('exportZones', {});
    expect(exported.type).toBe('FeatureCollection');
    expect(exported.features.length).toBe(a.call('listZones', {}).length);
    expect(exported.features.map((f) => f.properties.kind)).toContain('red_zone');

    const b = signedIn();
    for (const z of b.call('listZones', {})) b.call('deleteZone', { id: z.id, version: z.version });
    const dry = b.call('importZones', { geojson: JSON.stringify(exported), dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: exported.features.length, updated: 0, unchanged: 0 });
    expect(b.call('listZones', {})).toEqual([]);
    const done = b.call('importZones', { geojson: JSON.stringify(exported), dryRun: false });
    expect(done.created).toBe(exported.features.length);
    expect(b.call('exportZones', {})).toEqual(exported);
    const [summary] = b.call('listJournal', { limit: 1 });
    expect(summary).toMatchObject({
      action: 'zones.imported',
      operator: OFFICER,
      data: { created: exported.features.length },
    });

    // The same file again changes nothing; an edited feature updates its zone.
    expect(b.call('importZones', { geojson: JSON.stringify(exported), dryRun: false })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: exported.features.length,
    });
    const edited = structuredClone(exported);
    const first = edited.features[0];
    if (!first) throw new Error('no zone');
    first.properties.name = 'Renamed by import';
    const r = b.call('importZones', { geojson: JSON.stringify(edited), dryRun: false });
    expect(r).toMatchObject({ created: 0, updated: 1 });
    expect(b.call('listZones', {}).find((z) => z.id === first.id)).toMatchObject({
      name: 'Renamed by import',
      version: 2,
    });
  });

  it('refuses a file with any invalid feature, naming its index and reason, and writes nothing', () => {
    const t = signedIn();
    const before = t.call('listZones', {});
    const seq = t.lastSeq();
    const good = {
      type: 'Feature',
      properties: { name: 'Good', kind: 'sector' },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    const selfCrossing = [ring[0], ring[2], ring[1], ring[3], ring[0]];
    const cases: [unknown, RegExp, string][] = [
      [
        { ...good, geometry: { type: 'Polygon', coordinates: [ring.slice(0, 4)] } },
        /feature 1 \("Good"\): ring 0 is not closed/,
        'features.1.geometry.coordinates.0',
      ],
      [
        {
          ...good,
          geometry: {
            type: 'Polygon',
            coordinates: [ring.slice(0, 2).concat([ring[0] as [number, number]])],
          },
        },
        /feature 1 \("Good"\): ring 0 has 3 positions/,
        'features.1.geometry.coordinates.0',
      ],
      [
        { ...good, geometry: { type: 'Polygon', coordinates: [selfCrossing] } },
        /feature 1 \("Good"\): the polygon crosses itself/,
        'features.1.geometry.coordinates',
      ],
      [
        {
          ...good,
          geometry: { type: 'Polygon', coordinates: [[[2.34, 95], ...ring.slice(1, 4), [2.34, 95]]] },
        },
        /feature 1 \("Good"\): ring 0, position 0: \[2\.34, 95\] is out of range/,
        'features.1.geometry.coordinates.0.0',
      ],
      [
        { ...good, geometry: { type: 'Point', coordinates: [2.34, 48.85] } },
        /feature 1 \("Good"\): geometry is a Point; zones are Polygons/,
        'features.1.geometry.type',
      ],
    ];
    for (const [bad, message, path] of cases) {
      const err = expectApiError(
        () =>
          t.call('importZones', {
            geojson: JSON.stringify({ type: 'FeatureCollection', features: [good, bad] }),
            dryRun: false,
          }),
        'invalid_input',
        message,
      );
      expect(err.message).toMatch(/nothing was imported/);
      expect(err.issues?.[0]?.path).toBe(path);
    }
    expectApiError(
      () => t.call('importZones', { geojson: 'not json', dryRun: true }),
      'invalid_input',
      /not JSON/,
    );
    expect(t.call('listZones', {})).toEqual(before);
    expect(t.lastSeq()).toBe(seq);
  });
});
