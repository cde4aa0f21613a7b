// The pure parts of the report: rewinding rows to the window's end, choosing significant entries,
// canonical JSON, projection, formatting and escaping.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/report/canonical.js';
import { incidentsAtEnd, unitsAtEnd } from '../../shared/report/as-of.js';
import { significantEntries } from '../../shared/report/build-significant.js';
import { buildReport } from '../../shared/report/build.js';
import { fitMercator } from '../../shared/report/mercator.js';
import { age, dateTime } from '../../shared/report/format.js';
import { fill, REPORT_STRINGS } from '../../shared/report/i18n.js';
import { escapeMarkdown } from '../../shared/report/escape.js';
import type {
  ReportSource,
  SourceIncident,
  SourceJournalEntry,
  SourceUnit,
} from '../../shared/report/source.js';

const T = '2024-07-26T17:00:00.000Z';
const before = '2024-07-26T16:30:00.000Z';
const after = '2024-07-26T17:30:00.000Z';

const incident = (over: Partial<SourceIncident> = {}): SourceIncident => ({
  id: 'i1',
  reference: 'INC-0726-0001',
  category: 'disorder',
  priority: 1,
  status: 'closed',
  title: 'Scuffle',
  venueId: null,
  sector: 'Cité',
  locationText: null,
  lat: 48.85,
  lon: 2.34,
  createdAt: '2024-07-26T16:00:00.000Z',
  acknowledgedAt: '2024-07-26T16:10:00.000Z',
  onSceneAt: '2024-07-26T17:20:00.000Z',
  ...over,
});

const unit = (over: Partial<SourceUnit> = {}): SourceUnit => ({
  id: 'u1',
  callsign: 'FR-PP-PAT-01',
  contingentId: 'fr-pp',
  country: 'FR',
  agency: 'Préfecture de Police',
  personnel: 4,
  status: 'off_duty',
  sector: 'Bercy',
  ...over,
});

let seq = 0;
const entry = (
  at: string,
  action: string,
  entityType: string,
  entityId: string,
  data: unknown,
): SourceJournalEntry => ({
  seq: ++seq,
  at,
  operator: 'Capt. Élise Moreau',
  desk: 'D1',
  action,
  entityType,
  entityId,
  data,
});

describe('rewinding to the window end', () => {
  it('undoes incident changes made after it, latest first, and forgets later timestamps', () => {
    const journal = [
      entry(before, 'incident.acknowledge', 'incident', 'i1', { from: 'new', to: 'acknowledged' }),
      entry(after, 'incident.priority_changed', 'incident', 'i1', {
        changes: { priority: { from: 3, to: 2 } },
      }),
      entry(after, 'incident.priority_changed', 'incident', 'i1', {
        changes: { priority: { from: 2, to: 1 } },
      }),
      entry(after, 'incident.arrive', 'incident', 'i1', { from: 'dispatched', to: 'on_scene' }),
      entry(after, 'incident.resolve', 'incident', 'i1', { from: 'on_scene', to: 'resolved' }),
      entry(after, 'incident.close', 'incident', 'i1', { from: 'resolved', to: 'closed' }),
      entry(after, 'incident.updated', 'incident', 'i1', { changes: { sector: { from: null, to: 'Cité' } } }),
    ];
    const i = incidentsAtEnd([incident()], journal, T).get('i1');
    expect(i).toMatchObject({ status: 'dispatched', priority: 3, sector: null, onSceneAt: null });
    expect(i?.acknowledgedAt).toBe('2024-07-26T16:10:00.000Z');
  });

  it('undoes unit status and sector changes; a unit created later did not exist unless it had a fix', () => {
    const journal = [
      entry(after, 'unit.status_changed', 'unit', 'u1', { from: 'on_scene', to: 'off_duty' }),
      entry(after, 'unit.updated', 'unit', 'u1', { changes: { sector: { from: 'Cité', to: 'Bercy' } } }),
      entry(after, 'unit.created', 'unit', 'u2', {}),
      entry(after, 'unit.created', 'unit', 'u3', {}),
    ];
    const units = [unit(), unit({ id: 'u2', callsign: 'NEW-01' }), unit({ id: 'u3', callsign: 'SEEDED-01' })];
    const atEnd = unitsAtEnd(units, journal, T, new Set(['u1', 'u3']));
    expect(atEnd.get('u1')).toMatchObject({ status: 'on_scene', sector: 'Cité' });
    expect([...atEnd.keys()]).toEqual(['u1', 'u3']);
  });
});

describe('significant entries', () => {
  it('keep P1/P2 incidents, priority changes through P1/P2, reassignments and overrides', () => {
    const source = {
      window: { from: '2024-07-26T16:00:00.000Z', to: T },
      units: [unit()],
      journal: [
        entry(before, 'incident.note_added', 'incident', 'i1', { text: 'P1 note' }),
        entry(before, 'incident.note_added', 'incident', 'i3', { text: 'P3 note' }),
        entry(before, 'incident.priority_changed', 'incident', 'i3', {
          changes: { priority: { from: 2, to: 3 } },
        }),
        entry(before, 'unit.reassigned', 'unit', 'u1', {
          callsign: 'FR-PP-PAT-01',
          from: 'INC-0726-0001',
          to: 'INC-0726-0003',
        }),
        entry(before, 'unit.status_changed', 'unit', 'u1', { from: 'available', to: 'assigned' }),
        entry(before, 'overdue.override', 'incident', 'i3', { reason: 'crowd blocks access' }),
        entry(after, 'incident.note_added', 'incident', 'i1', { text: 'too late' }),
      ],
    } as unknown as ReportSource;
    const atEnd = incidentsAtEnd(
      [incident(), incident({ id: 'i3', reference: 'INC-0726-0003', priority: 3 })],
      [],
      T,
    );
    const out = significantEntries(source, atEnd);
    expect(out.map((e) => [e.subject, e.action, e.detail])).toEqual([
      ['INC-0726-0001', 'incident.note_added', { from: null, to: null, text: 'P1 note' }],
      ['INC-0726-0003', 'incident.priority_changed', { from: 'P2', to: 'P3', text: null }],
      ['FR-PP-PAT-01', 'unit.reassigned', { from: 'INC-0726-0001', to: 'INC-0726-0003', text: null }],
      ['INC-0726-0003', 'overdue.override', { from: null, to: null, text: 'crowd blocks access' }],
    ]);
  });
});

describe('building the model', () => {
  it('works on an empty operation, framing no city in particular (nothing assumes Paris)', () => {
    const source: ReportSource = {
      operation: { name: 'Test', mode: 'real', timezone: 'Europe/Paris' },
      window: { from: before, to: T },
      previousHandover: null,
      incidents: [],
      journal: [],
      journalCount: 0,
      units: [],
      positions: [],
      assignments: [],
      lastNotes: [],
      venues: [],
      zones: [],
      routes: [],
      water: [],
      staleMinutes: 30,
    };
    const m = buildReport(source, {
      status: 'preview',
      lang: 'fr',
      desk: 'D9',
      outgoing: null,
      incoming: null,
      pendingActions: [],
      generatedAt: T,
    });
    expect(m.summary.openIncidents).toBe(0);
    expect(m.openIncidents).toEqual([]);
    expect(m.map.bounds.west).toBeLessThan(0);
    expect(m.map.bounds.east).toBeGreaterThan(0);
    expect(m.map.bounds.north - m.map.bounds.south).toBeLessThan(0.1);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level, keeps array order, drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('Web Mercator fit', () => {
  const bounds = { west: 2.25, south: 48.83, east: 2.4, north: 48.87 };
  const box = { x: 10, y: 20, w: 500, h: 300 };
  const p = fitMercator(bounds, box);

  it('puts the bounds inside the box, centred, north up', () => {
    const [x0, y0] = p(bounds.west, bounds.north);
    const [x1, y1] = p(bounds.east, bounds.south);
    expect(x0).toBeGreaterThanOrEqual(box.x);
    expect(x1).toBeLessThanOrEqual(box.x + box.w);
    expect(y0).toBeLessThan(y1);
    expect(Math.abs(x0 - box.x + (x1 - (box.x + box.w)))).toBeLessThan(0.3);
    expect(p.inside(2.3, 48.85)).toBe(true);
    expect(p.inside(2.6, 48.85)).toBe(false);
  });

  it('keeps shapes: a degree of longitude is cos(latitude) degrees of latitude on the map', () => {
    const [ax, ay] = p(2.3, 48.85);
    const [bx] = p(2.31, 48.85);
    const [, cy] = p(2.3, 48.86);
    expect((bx - ax) / (ay - cy)).toBeCloseTo(Math.cos((48.855 * Math.PI) / 180), 1);
  });
});

describe('formatting', () => {
  it('prints times in the operation zone (summer and winter) and ages', () => {
    expect(dateTime('2024-07-26T16:00:00.000Z', 'Europe/Paris')).toBe('26/07/2024 18:00');
    expect(dateTime('2024-12-01T23:30:09.000Z', 'Europe/Paris', true)).toBe('02/12/2024 00:30:09');
    expect(dateTime('2024-12-01T23:30:09.000Z', 'UTC', true)).toBe('01/12/2024 23:30:09');
    expect([age(0), age(59), age(60), age(125), age(1565)]).toEqual([
      '0 min',
      '59 min',
      '1 h 00',
      '2 h 05',
      '26 h 05',
    ]);
  });

  it('fills templates and escapes Markdown', () => {
    expect(fill('Page {n} of {total} {x}', { n: 1, total: 3 })).toBe('Page 1 of 3 {x}');
    expect(escapeMarkdown('a|b *c* <d> [e](f)')).toBe('a\\|b \\*c\\* \\<d\\> \\[e\\](f)');
    expect(escapeMarkdown('# not a title\n- not a list')).toBe('\\# not a title\n\\- not a list');
  });

  it('has every string in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(REPORT_STRINGS.fr).sort()).toEqual(keys(REPORT_STRINGS.en).sort());
  });
});
