// Exchange with partners' tools through the contract, on both engines: every format exports what
// the reader may see and reads back to the same data; KML and GeoJSON files import zones and points
// all or nothing; CoT events pass node-cot's schema.
import { describe, expect, it } from 'vitest';
import { CoTParser } from '@tak-ps/node-cot';
import type { Zone } from '../../shared/domain.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { signInAs } from '../support/sign-in.js';
import { readCot, readCsv, readKmlFile } from '../support/exchange-read.js';
import { EXCHANGE_FORMATS, EXCHANGE_WHAT } from '../../shared/exchange/formats.js';
import { leaks, markedOperation, square } from './releasability-fixture.js';

function officerApp() {
  const t = testApp();
  signInAs(t.call, 'officer', 'D1');
  return t;
}

/** An app with no zones, for imports to land in. */
function emptyZones() {
  const t = officerApp();
  for (const z of t.call('listZones', {})) t.call('deleteZone', { id: z.id, version: z.version });
  return t;
}

const zoneFacts = (zones: Zone[]) =>
  zones
    .map(({ id, name, kind, color, polygon, marking }) => ({ id, name, kind, color, polygon, marking }))
    .sort((a, b) => a.id.localeCompare(b.id));

describe('zones round trip', () => {
  it.each(['geojson', 'kml'] as const)(
    'through %s: the same ids, names, kinds, colours, polygons and markings',
    (format) => {
      const a = officerApp();
      a.call('createZone', {
        name: 'Marked <&> zone',
        kind: 'red_zone',
        color: '#aa3300',
        polygon: square(2.3, 48.85),
        marking: ['ES'],
      });
      a.call('createZone', {
        name: 'Host only',
        kind: 'sector',
        color: '#1e88e5',
        polygon: square(2.31, 48.85),
        marking: [],
      });
      const file = a.call('exportData', { what: 'zones', format });
      expect(file.fileName).toMatch(new RegExp(`^vigie-zones-\\d{8}-\\d{4}\\.${format}$`));
      // The most restrictive item decides the file: host only.
      expect(file.releasability).toBe('RELEASABLE TO FR ONLY');
      expect(file.text).toContain('RELEASABLE TO FR ONLY');

      const b = emptyZones();
      const dry = b.call('importFeatures', { fileName: file.fileName, text: file.text, dryRun: true });
      expect(dry).toMatchObject({ dryRun: true, format, created: a.call('listZones', {}).length, points: 0 });
      expect(b.call('listZones', {})).toEqual([]);
      b.call('importFeatures', { fileName: file.fileName, text: file.text });
      expect(zoneFacts(b.call('listZones', {}))).toEqual(zoneFacts(a.call('listZones', {})));
      const [summary] = b.call('listJournal', { limit: 1 });
      expect(summary).toMatchObject({
        action: 'zones.imported',
        data: { via: `${format} file ${file.fileName}` },
      });
    },
  );
});

describe('units and incidents read back', () => {
  function operation() {
    const t = officerApp();
    const located = t.call('createIncident', {
      category: 'disorder',
      priority: 2,
      title: 'Crowd surge, gate "B" & C',
      description: 'Pushing at the gate',
      source: 'radio',
      lat: 48.8601,
      lon: 2.2931,
      marking: ['ES'],
    });
    const unit = t.call('listUnits', {}).find((u) => u.status === 'available' && u.lat !== null);
    if (!unit) throw new Error('no located unit');
    t.call('assignUnit', { incidentId: located.id, unitId: unit.id });
    const units = t.call('listUnits', {});
    const incidents = t.call('listIncidents', { includeClosed: true, limit: 500 });
    return { ...t, located, units, incidents };
  }

  it('GeoJSON: every unit and incident with its id, position, status and marking', () => {
    const t = operation();
    const fc = JSON.parse(t.call('exportData', { what: 'all', format: 'geojson' }).text) as {
      releasability: string;
      features: {
        id: string;
        geometry: { coordinates: number[] } | null;
        properties: Record<string, unknown>;
      }[];
    };
    const units = fc.features.filter((f) => f.properties.layer === 'unit');
    const located = t.units.filter((u) => u.lat !== null);
    expect(units.map((f) => [f.id, f.geometry?.coordinates, f.properties.status]).sort()).toEqual(
      located.map((u) => [u.id, [u.lon, u.lat], u.status]).sort(),
    );
    const incident = fc.features.find((f) => f.properties.id === t.located.id);
    expect(incident).toMatchObject({
      geometry: { coordinates: [2.2931, 48.8601] },
      properties: {
        layer: 'incident',
        status: 'new',
        priority: 2,
        marking: ['ES'],
        releasability: 'RELEASABLE TO FR, ES',
      },
    });
    expect(fc.features.filter((f) => f.properties.layer === 'incident').length).toBe(t.incidents.length);
    expect(fc.features.filter((f) => f.properties.layer === 'zone').length).toBe(
      t.call('listZones', {}).length,
    );
    expect(fc.releasability).toBe('RELEASABLE TO FR, ES');
  });

  it('CSV: units as a roster with a releasability column, incidents by reference', () => {
    const t = operation();
    const units = readCsv(t.call('exportData', { what: 'units', format: 'csv' }).text);
    expect(units.length).toBe(t.units.length);
    for (const u of t.units) {
      const row = units.find((r) => r.callsign === u.callsign);
      expect(row).toMatchObject({
        status: u.status,
        lat: u.lat === null ? '' : String(u.lat),
        releasability: 'RELEASABLE TO ALL PARTNERS',
      });
    }
    const incidents = readCsv(t.call('exportData', { what: 'incidents', format: 'csv' }).text);
    expect(incidents.map((r) => r.reference).sort()).toEqual(t.incidents.map((i) => i.reference).sort());
    expect(incidents.find((r) => r.reference === t.located.reference)).toMatchObject({
      lat: '48.8601',
      lon: '2.2931',
      status: 'new',
      releasability: 'RELEASABLE TO FR, ES',
    });
    const zones = readCsv(t.call('exportData', { what: 'zones', format: 'csv' }).text);
    expect(zones.map((r) => r.id).sort()).toEqual(
      t
        .call('listZones', {})
        .map((z) => z.id)
        .sort(),
    );
    expect(zones[0]?.wkt).toMatch(/^POLYGON \(\(/);
    expectApiError(() => t.call('exportData', { what: 'all', format: 'csv' }), 'invalid_input', /one table/);
  });

  it('KML: a placemark per located unit and incident, ids, positions and statuses as in Vigie', () => {
    const t = operation();
    const file = t.call('exportData', { what: 'all', format: 'kml' });
    const fc = readKmlFile(file.text);
    const byLayer = (l: string) => fc.features.filter((f) => f.properties?.layer === l);
    const located = t.units.filter((u) => u.lat !== null);
    expect(
      byLayer('unit')
        .map((f) => [f.id, f.geometry, f.properties?.status])
        .sort(),
    ).toEqual(located.map((u) => [u.id, { type: 'Point', coordinates: [u.lon, u.lat] }, u.status]).sort());
    const incident = byLayer('incident').find((f) => f.properties?.id === t.located.id);
    expect(incident?.geometry).toEqual({ type: 'Point', coordinates: [2.2931, 48.8601] });
    expect(incident?.properties).toMatchObject({
      status: 'new',
      name: `${t.located.reference} Crowd surge, gate "B" & C`,
      description: 'RELEASABLE TO FR, ES',
    });
    expect(file.text).toContain('<description>RELEASABLE TO FR, ES</description>');
  });

  it('CoT: every event passes node-cot, with stable uids, callsigns, types and the marking in remarks', async () => {
    const t = operation();
    const file = t.call('exportData', { what: 'all', format: 'cot' });
    const events = readCot(file.text);
    const zones = t.call('listZones', {});
    const located = t.units.filter((u) => u.lat !== null);
    const locatedIncidents = t.incidents.filter((i) => i.lat !== null);
    expect(events.length).toBe(located.length + locatedIncidents.length + zones.length);
    expect(file.count).toBe(events.length);
    const byUid = new Map(events.map((e) => [e.raw.event._attributes.uid, e]));
    for (const u of located) {
      const e = byUid.get(`vigie-unit-${u.id}`);
      expect(e?.raw.event._attributes.type).toMatch(/^a-f-/);
      expect(e?.raw.event.detail?.contact?._attributes.callsign).toBe(u.callsign);
      expect(e?.raw.event.point._attributes).toMatchObject({ lat: u.lat, lon: u.lon });
    }
    const incident = byUid.get(`vigie-incident-${t.located.id}`);
    expect(incident?.raw.event._attributes.type).toBe('b-m-p-s-m');
    expect(incident?.raw.event.detail?.remarks?._text).toMatch(/^RELEASABLE TO FR, ES \| P2 new/);
    const zone = zones[0] as Zone;
    const shape = await CoTParser.to_geojson(
      byUid.get(`vigie-zone-${zone.id}`) as NonNullable<ReturnType<typeof byUid.get>>,
    );
    expect(shape.geometry.type).toBe('Polygon');
    expect((shape.geometry.coordinates as number[][][])[0]).toEqual(zone.polygon[0]);
    // The same item keeps its uid from one export to the next: a TAK server updates, not duplicates.
    expect(
      readCot(t.call('exportData', { what: 'all', format: 'cot' }).text).map(
        (e) => e.raw.event._attributes.uid,
      ),
    ).toEqual([...byUid.keys()]);
  });
});

describe('imports of partner files', () => {
  const partnerKml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Style id="s"><PolyStyle><color>7f00ff00</color></PolyStyle></Style>
<Placemark><name>Checkpoint Alpha</name><Point><coordinates>2.2945,48.8584</coordinates></Point></Placemark>
<Placemark><name>Fan zone</name><styleUrl>#s</styleUrl><Polygon><outerBoundaryIs><LinearRing><coordinates>2.29,48.85 2.292,48.85 2.292,48.852 2.29,48.852 2.29,48.85</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>`;

  it('KML points become small round zones of kind other, polygons zones, journaled', () => {
    const t = emptyZones();
    const r = t.call('importFeatures', { fileName: 'partner.kml', text: partnerKml });
    expect(r).toMatchObject({ created: 2, points: 1, format: 'kml' });
    const zones = t.call('listZones', {});
    const point = zones.find((z) => z.name === 'Checkpoint Alpha');
    expect(point?.kind).toBe('other');
    const ring = point?.polygon[0] ?? [];
    expect(ring.length).toBe(17);
    const lon = ring.slice(0, -1).reduce((s, p) => s + p[0], 0) / 16;
    const lat = ring.slice(0, -1).reduce((s, p) => s + p[1], 0) / 16;
    expect(lon).toBeCloseTo(2.2945, 6);
    expect(lat).toBeCloseTo(48.8584, 6);
    expect(zones.find((z) => z.name === 'Fan zone')?.color).toBe('#00ff00');
  });

  it('GeoJSON points and polygons, named by the file', () => {
    const t = emptyZones();
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Rally point' },
          geometry: { type: 'Point', coordinates: [2.3, 48.86] },
        },
        {
          type: 'Feature',
          properties: { name: 'Sector 9', kind: 'sector', marking: ['DE'] },
          geometry: { type: 'Polygon', coordinates: square(2.31, 48.86) },
        },
      ],
    };
    expect(t.call('importFeatures', { fileName: 'partner.geojson', text: JSON.stringify(fc) })).toMatchObject(
      { created: 2, points: 1 },
    );
    expect(t.call('listZones', {}).find((z) => z.name === 'Sector 9')).toMatchObject({
      kind: 'sector',
      marking: ['DE'],
    });
  });

  it('refuses a bad file whole, every problem named with file, feature and field; nothing written', () => {
    const t = emptyZones();
    const before = t.call('listJournal', { limit: 1 })[0]?.seq;
    const bad = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Fine' },
          geometry: { type: 'Polygon', coordinates: square(2.3, 48.86) },
        },
        {
          type: 'Feature',
          properties: { name: 'Far' },
          geometry: { type: 'Point', coordinates: [200, 48.86] },
        },
        {
          type: 'Feature',
          properties: { name: 'Open', kind: 'lake' },
          geometry: { type: 'Polygon', coordinates: square(2.3, 48.86) },
        },
        {
          type: 'Feature',
          properties: { name: 'Road' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [2.3, 48.8],
              [2.4, 48.8],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { layer: 'unit', callsign: 'X' },
          geometry: { type: 'Point', coordinates: [2.3, 48.8] },
        },
      ],
    };
    const err = expectApiError(
      () => t.call('importFeatures', { fileName: 'bad.geojson', text: JSON.stringify(bad) }),
      'invalid_input',
      /^importFeatures: bad\.geojson: feature 1 \("Far"\)/,
    );
    expect(err.message).toMatch(/nothing was imported/);
    expect(err.issues?.map((i) => [i.path, i.message])).toEqual([
      [
        'features.1.geometry.coordinates',
        expect.stringMatching(/^bad\.geojson: feature 1 \("Far"\): point \[200, 48\.86\] is out of range/),
      ],
      [
        'features.2.properties.kind',
        expect.stringMatching(/feature 2 \("Open"\): kind "lake" is not one of/),
      ],
      [
        'features.3.geometry.type',
        expect.stringMatching(/geometry is a LineString; zones are Polygons \(or Points\)/),
      ],
      [
        'features.4.properties.layer',
        expect.stringMatching(/a Vigie unit: units come from the roster import/),
      ],
    ]);
    expect(t.call('listZones', {})).toEqual([]);
    expect(t.call('listJournal', { limit: 1 })[0]?.seq).toBe(before);
  });

  it('refuses broken KML and a file that is not KML, naming the file', () => {
    const t = emptyZones();
    expectApiError(
      () =>
        t.call('importFeatures', {
          fileName: 'broken.kml',
          text: '<kml><Document><Placemark></Document></kml>',
        }),
      'invalid_input',
      /not well-formed XML/,
    );
    expectApiError(
      () => t.call('importFeatures', { fileName: 'page.kml', text: '<html><body/></html>' }),
      'invalid_input',
      /not KML: the root element is <html>/,
    );
    expectApiError(
      () => t.call('importFeatures', { fileName: 'x.json', text: '{"type":' }),
      'invalid_input',
      /x\.json: not JSON/,
    );
    const selfCrossing = partnerKml.replace(
      '2.29,48.85 2.292,48.85 2.292,48.852 2.29,48.852',
      '2.29,48.85 2.292,48.852 2.292,48.85 2.29,48.852',
    );
    expectApiError(
      () => t.call('importFeatures', { fileName: 'cross.kml', text: selfCrossing }),
      'invalid_input',
      /cross\.kml: feature 1 \("Fan zone"\): the polygon crosses itself/,
    );
    expect(t.call('listZones', {})).toEqual([]);
  });

  it('is refused to a liaison, in the service', () => {
    const t = testApp();
    signInAs(t.call, 'liaison-es', 'L-ES');
    expectApiError(() => t.call('importFeatures', { fileName: 'p.kml', text: partnerKml }), 'forbidden');
  });
});

describe('releasability of every export', () => {
  it('a liaison never receives an item not released to their nation, in any format; the file says its marking', () => {
    const m = markedOperation();
    const cases = [
      { desk: m.de, hidden: m.hiddenFromDe, shown: m.all, banner: 'RELEASABLE TO ALL PARTNERS' },
      { desk: m.es, hidden: m.hiddenFromEs, shown: m.frEs, banner: 'RELEASABLE TO FR, ES' },
    ];
    let files = 0;
    for (const { desk, hidden, shown, banner } of cases)
      for (const format of EXCHANGE_FORMATS)
        for (const what of EXCHANGE_WHAT) {
          if (format === 'csv' && what === 'all') continue;
          const file = m.t.call('exportData', { what, format }, desk);
          expect({ what, format, leaks: leaks(file.text, hidden) }).toEqual({ what, format, leaks: [] });
          if (what === 'incidents' || what === 'all') {
            expect(file.text).toContain(shown.reference);
            expect(file.releasability).toBe(banner);
          }
          files++;
        }
    expect(files).toBe(2 * (EXCHANGE_FORMATS.length * EXCHANGE_WHAT.length - 1));
    // The host officer's file holds the France-only items, and says so.
    const host = m.t.call('exportData', { what: 'all', format: 'kml' }, m.officer);
    expect(host.text).toContain(m.frOnly.reference);
    expect(host.releasability).toBe('RELEASABLE TO FR ONLY');
  });
});
