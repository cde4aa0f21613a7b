// Place names follow the reference data whoever writes it, on both engines: each Vigie keeps the
// candidates it built while the database's own counter (schema v13, raised by triggers) stands
// still, so a zone drawn at another server, a venue written by a tool, or a transaction rolled
// back must never leave a desk naming points after what is no longer there.
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import { insertVenue } from '../../electron/store/venues.js';
import { referenceGeneration } from '../../electron/store/reference-generation.js';
import { testApp } from '../support/app.js';
import { addPerson, signInAs } from '../support/sign-in.js';

// In the 11th arrondissement, away from every venue and bridge of the exercise.
const ROQUETTE = { lat: 48.859, lon: 2.38 };
const square = (d: number): [number, number][][] => [
  [
    [ROQUETTE.lon - d, ROQUETTE.lat - d],
    [ROQUETTE.lon + d, ROQUETTE.lat - d],
    [ROQUETTE.lon + d, ROQUETTE.lat + d],
    [ROQUETTE.lon - d, ROQUETTE.lat + d],
    [ROQUETTE.lon - d, ROQUETTE.lat - d],
  ],
];
const VENUE = {
  id: 'venue-roquette',
  name: 'Place Léon-Blum',
  kind: 'fan_zone' as const,
  lat: ROQUETTE.lat + 50 / 111_195,
  lon: ROQUETTE.lon,
  note: null,
};

const INSERT_VENUE = `INSERT INTO venues (id, name, kind, lat, lon, note)
  VALUES ('${VENUE.id}', '${VENUE.name}', '${VENUE.kind}', ${VENUE.lat}, ${VENUE.lon}, NULL)`;

/** Two servers on one database: each its own connection, its own kept candidates, its own desk. */
function twoServers() {
  const a = testApp();
  signInAs(a.call, addPerson(a.app.ctx, 'Capt. Élise Moreau'), 'A');
  const b = testApp(a.dbPath);
  signInAs(b.call, addPerson(b.app.ctx, 'Lt. Marc Dubois'), 'B');
  return { a, b };
}

const placeAt = (t: ReturnType<typeof testApp>, desk = t.desk) => t.call('namePlace', ROQUETTE, desk).place;

describe('place names follow the reference data', () => {
  it('a zone drawn, re-marked and deleted at another server renames points at once', () => {
    const { a, b } = twoServers();
    expect(placeAt(a)).toMatchObject({ kind: 'district', name: '11e arrondissement' });
    const zone = b.call('createZone', {
      name: 'Roquette perimeter',
      kind: 'security_perimeter',
      color: '#f59e0b',
      polygon: square(0.001),
    });
    expect(placeAt(a)).toMatchObject({ kind: 'zone', name: 'Roquette perimeter' });

    // A partner's desk on server A: the zone names its points only while released to its nation.
    const partner = createDesk();
    signInAs(a.call, 'liaison-de', 'DE', partner);
    expect(placeAt(a, partner)).toMatchObject({ kind: 'zone' });
    const hidden = b.call('updateZone', { id: zone.id, version: zone.version, marking: ['ES'] });
    expect(placeAt(a, partner)).toMatchObject({ kind: 'district' });
    expect(placeAt(a)).toMatchObject({ kind: 'zone' });

    b.call('deleteZone', { id: zone.id, version: hidden.version });
    expect(placeAt(a)).toMatchObject({ kind: 'district' });
    expect(placeAt(a, partner)).toMatchObject({ kind: 'district' });
  });

  it("the board's rows and a write's answer are named again once another server changes the data", () => {
    const { a, b } = twoServers();
    const onBoard = (id: string) => ({
      page: a.call('listIncidentPage', { limit: 200 }).rows.find((r) => r.id === id)?.place,
      all: a.call('listIncidents', {}).find((r) => r.id === id)?.place,
    });
    const input = {
      category: 'suspicious_package',
      priority: 2,
      title: 'Unattended bag',
      source: 'radio',
    } as const;
    const first = a.call('createIncident', { ...input, ...ROQUETTE });
    expect(first.place).toMatchObject({ kind: 'district' });
    // The board names the point, and keeps that name only while the reference data stands still.
    expect(onBoard(first.id)).toMatchObject({ page: { kind: 'district' }, all: { kind: 'district' } });
    b.app.db.exec(INSERT_VENUE);
    expect(onBoard(first.id)).toMatchObject({ page: { name: VENUE.name }, all: { name: VENUE.name } });
    // A write's answer is named under the counter its own transaction read last.
    b.app.db.exec(`DELETE FROM venues WHERE id = '${VENUE.id}'`);
    const second = a.call('createIncident', { ...input, ...ROQUETTE });
    expect(second.place).toMatchObject({ kind: 'district' });
    b.app.db.exec(INSERT_VENUE);
    const acknowledged = a.call('transitionIncident', {
      id: second.id,
      version: second.version,
      action: 'acknowledge',
    });
    expect(acknowledged.place).toMatchObject({ kind: 'venue', name: VENUE.name });
    b.app.db.exec(`DELETE FROM venues WHERE id = '${VENUE.id}'`);
    const edited = a.call('updateIncident', { id: second.id, version: acknowledged.version, title: 'Bag' });
    expect(edited.place).toMatchObject({ kind: 'district' });
    expect(onBoard(second.id)).toMatchObject({ page: { kind: 'district' }, all: { kind: 'district' } });
  });

  it('a venue written by a tool outside the services is seen by every server', () => {
    const { a, b } = twoServers();
    expect(placeAt(a)?.kind).toBe('district');
    // A tool writing the table directly: no service, no event, only the database's trigger.
    b.app.db.exec(INSERT_VENUE);
    expect(placeAt(a)).toMatchObject({ kind: 'venue', name: VENUE.name });
    expect(Math.round(placeAt(a)?.distanceM ?? 0)).toBe(50);
    b.app.db.exec(`DELETE FROM venues WHERE id = '${VENUE.id}'`);
    expect(placeAt(a)?.kind).toBe('district');
  });

  it("a new host nation changes which zones name a partner desk's points", () => {
    const { a, b } = twoServers();
    b.call('createZone', {
      name: 'Spanish sector',
      kind: 'sector',
      color: '#22c55e',
      polygon: square(0.0002),
      marking: ['ES'],
    });
    const partner = createDesk();
    signInAs(a.call, 'liaison-de', 'DE', partner);
    expect(placeAt(a, partner)).toMatchObject({ kind: 'district' });
    // Germany as host: its liaison now reads as host staff, and sees the zone marked for Spain.
    b.app.db.exec("UPDATE meta SET value = 'DE' WHERE key = 'host_country'");
    expect(placeAt(a, partner)).toMatchObject({ kind: 'zone', name: 'Spanish sector' });
  });

  it('the counter rises with every reference table and not with the rest of meta', () => {
    const { a } = twoServers();
    const db = a.app.db;
    const n0 = referenceGeneration(db) as number;
    expect(n0).toBeGreaterThan(0); // the seeded exercise wrote venues, routes and the host nation
    db.exec("INSERT INTO meta (key, value) VALUES ('bench_note', 'not reference data')");
    expect(referenceGeneration(db)).toBe(n0);
    db.exec(INSERT_VENUE);
    const n1 = referenceGeneration(db) as number;
    expect(n1).toBeGreaterThan(n0);
    for (const sql of [
      `UPDATE venues SET note = 'moved' WHERE id = '${VENUE.id}'`,
      'UPDATE route_bridges SET name = name',
      'UPDATE routes SET name = name',
      `DELETE FROM venues WHERE id = '${VENUE.id}'`,
    ]) {
      const before = referenceGeneration(db) as number;
      db.exec(sql);
      expect(referenceGeneration(db), sql).toBeGreaterThan(before);
    }
  });

  it('a rolled-back write leaves nothing behind, even when the counter later reaches its value', () => {
    const { a, b } = twoServers();
    const db = a.app.db;
    expect(() =>
      db.transaction(() => {
        insertVenue(db, VENUE);
        // Named inside the transaction: it sees its own venue, and must not keep it.
        expect(placeAt(a)).toMatchObject({ name: VENUE.name });
        throw new Error('abandoned');
      })(),
    ).toThrow('abandoned');
    // Before A reads again, another server's write raises the counter to what the rolled-back one
    // had reached inside its transaction (on a file; a room raises it only at COMMIT).
    b.call('createZone', {
      name: 'Far away',
      kind: 'sector',
      color: '#22c55e',
      polygon: [
        [
          [2.2, 48.8],
          [2.21, 48.8],
          [2.21, 48.81],
          [2.2, 48.81],
          [2.2, 48.8],
        ],
      ],
    });
    expect(placeAt(a)?.kind).toBe('district');
    expect(placeAt(b)?.kind).toBe('district');
  });
});
