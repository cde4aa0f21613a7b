// Releasability in what leaves the console: every marked item carries its banner line in each
// handover report format (JSON, Markdown, HTML, PDF) and in the zone export; the partners' own
// exports hold only what is released to them, and the handover report is not theirs to make.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../shared/api/handover.js';
import { incidentsToCsv, incidentsToGeoJson } from '../../shared/incident-export.js';
import { expectApiError } from '../support/api-error.js';
import { readPdf } from '../support/pdf-text.js';
import { DEMO } from '../support/sign-in.js';
import { leaks, markedOperation } from './releasability-fixture.js';

const BANNERS = {
  frOnly: 'RELEASABLE TO FR ONLY',
  frEs: 'RELEASABLE TO FR, ES',
  all: 'RELEASABLE TO ALL PARTNERS',
};

describe('releasability: exports and reports', () => {
  it('prints each incident’s and zone’s banner line in every handover report format', async () => {
    const m = markedOperation();
    const { from, to } = m.t.call('suggestHandoverWindow', {});
    const { handover, report } = m.t.call('acknowledgeHandover', {
      from,
      to,
      incomingLogin: DEMO.supervisor.login,
      incomingPassphrase: DEMO.supervisor.passphrase,
    });
    const open = new Map(report.openIncidents.map((i) => [i.reference, i.releasability]));
    expect(open.get(m.frOnly.reference)).toBe(BANNERS.frOnly);
    expect(open.get(m.frEs.reference)).toBe(BANNERS.frEs);
    expect(open.get(m.all.reference)).toBe(BANNERS.all);
    const zones = new Map(report.changes.zonesChanged.map((z) => [z.zone, z.releasability]));
    expect(zones.get(m.zones.frEs.name)).toBe(BANNERS.frEs);

    for (const format of EXPORT_FORMATS) {
      const file = m.t.call('exportHandover', { id: handover.id, format });
      const bytes = Buffer.from(file.base64, 'base64');
      // Spaces aside: a narrow PDF column wraps the banner over lines.
      const text = (format === 'pdf' ? (await readPdf(bytes)).raw : bytes.toString('utf8')).replace(
        /\s+/g,
        '',
      );
      for (const [ref, banner] of [
        [m.frOnly.reference, BANNERS.frOnly],
        [m.frEs.reference, BANNERS.frEs],
        [m.all.reference, BANNERS.all],
      ] as const) {
        // The banner follows the reference it belongs to: in its table cell, or in its JSON object
        // (further on, after the other fields). The reference also labels the map, without a banner.
        const squeezed = banner.replace(/\s+/g, '');
        const cells = text.split(ref).slice(1);
        expect({ format, ref, found: cells.length > 0 }).toEqual({ format, ref, found: true });
        expect({
          format,
          ref,
          banner: cells.some((after) => after.slice(0, format === 'json' ? 1500 : 80).includes(squeezed)),
        }).toEqual({
          format,
          ref,
          banner: true,
        });
      }
    }
  });

  it('refuses the handover report to partners', () => {
    const m = markedOperation();
    for (const d of [m.de, m.es]) {
      const e = expectApiError(
        () => m.t.call('previewHandover', { from: '2024-07-26T06:00:00Z', to: '2024-07-26T18:00:00Z' }, d),
        'forbidden',
      );
      expect(leaks(e.toData(), m.hiddenFromEs)).toEqual([]);
    }
  });

  it('exports to each desk only its zones, each with its marking and banner line', () => {
    const m = markedOperation();
    const features = (d = m.officer) =>
      new Map(m.t.call('exportZones', {}, d).features.map((f) => [f.id, f.properties]));
    const officer = features();
    expect(officer.get(m.zones.frOnly.id)).toMatchObject({ marking: [], releasability: BANNERS.frOnly });
    expect(officer.get(m.zones.frEs.id)).toMatchObject({ marking: ['ES'], releasability: BANNERS.frEs });
    expect(officer.get(m.zones.all.id)).toMatchObject({ marking: null, releasability: BANNERS.all });

    const de = m.t.call('exportZones', {}, m.de);
    expect(leaks(de, m.hiddenFromDe)).toEqual([]);
    expect(de.features.map((f) => f.id)).toContain(m.zones.all.id);
    expect([...features(m.es).keys()]).toContain(m.zones.frEs.id);
  });

  it('reads a zone’s marking back from its own export', () => {
    const m = markedOperation();
    const file = m.t.call('exportZones', {});
    const one = file.features.filter((f) => f.id === m.zones.frEs.id);
    // Released to Germany too in the file: the import changes the marking, journaled.
    const edited = {
      ...file,
      features: one.map((f) => ({ ...f, properties: { ...f.properties, marking: ['DE', 'ES'] } })),
    };
    const r = m.t.call('importZones', { geojson: JSON.stringify(edited) });
    expect(r).toMatchObject({ updated: 1 });
    expect(m.t.call('listZones', {}, m.de).map((z) => z.id)).toContain(m.zones.frEs.id);
    const entries = m.t.call('listJournal', { entityId: m.zones.frEs.id, limit: 5 });
    expect(entries.map((e) => e.action)).toContain('zone.marking_changed');
    const bad = {
      ...file,
      features: one.map((f) => ({ ...f, properties: { ...f.properties, marking: 'ES' } })),
    };
    const e = expectApiError(
      () => m.t.call('importZones', { geojson: JSON.stringify(bad) }),
      'invalid_input',
    );
    expect(e.message).toMatch(/marking/);
  });

  it('puts the banner line in the board’s CSV and GeoJSON exports, of what the desk was given', () => {
    const m = markedOperation();
    const rows = m.t.call('listIncidents', { includeClosed: true }, m.es);
    const csv = incidentsToCsv(rows);
    expect(csv.split('\r\n')[0]).toMatch(/,releasability$/);
    expect(csv).toContain(`"${BANNERS.frEs}"`);
    expect(leaks(csv, m.hiddenFromEs)).toEqual([]);
    const geo = incidentsToGeoJson(rows).features.find((f) => f.id === m.frEs.reference);
    expect(geo?.properties).toMatchObject({ marking: ['ES'], releasability: BANNERS.frEs });
  });
});
