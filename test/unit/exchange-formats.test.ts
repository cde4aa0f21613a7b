// The pure parts of the exchange: a file's marking from its items', CoT text that node-cot reads
// back whatever a name holds, and the round zone drawn for a point.
import { describe, expect, it } from 'vitest';
import { CoTParser } from '@tak-ps/node-cot';
import { fileBanner, fileMarking, exchangeFileName } from '../../shared/exchange/formats.js';
import { argb, unitEvent, zoneEvent } from '../../shared/exchange/cot.js';
import { pointProblem, pointZonePolygon, POINT_ZONE_RADIUS_M } from '../../shared/exchange/points.js';
import { polygonProblems } from '../../shared/zones.js';
import { straightLineM } from '../../shared/assignment.js';
import type { Unit, Zone } from '../../shared/domain.js';

describe('the marking of a whole file', () => {
  it('is where every item may go: the intersection, all partners only when every item is', () => {
    expect(fileMarking([null, null])).toBeNull();
    expect(fileMarking([null, ['ES', 'DE']])).toEqual(['DE', 'ES']);
    expect(fileMarking([['ES', 'DE'], ['DE', 'IT'], null])).toEqual(['DE']);
    expect(fileMarking([['ES'], ['DE']])).toEqual([]);
    expect(fileBanner([['ES'], ['DE']], 'FR')).toBe('RELEASABLE TO FR ONLY');
    expect(fileBanner([], 'FR')).toBe('RELEASABLE TO ALL PARTNERS');
  });

  it('names files by what, operation time and format', () => {
    expect(exchangeFileName('zones', 'kml', '2024-07-26T18:05:09.000Z')).toBe(
      'vigie-zones-20240726-1805.kml',
    );
  });
});

const unit: Unit = {
  id: 'u1',
  callsign: 'FR-<GN>&"01"',
  contingentId: 'fr',
  country: 'FR',
  agency: 'Gendarmerie',
  kind: 'medical',
  personnel: 4,
  armed: false,
  status: 'en_route',
  venueId: null,
  sector: null,
  lat: 48.85,
  lon: 2.29,
  positionAt: null,
  positionSource: 'tracker',
  positionStale: false,
  k9: null,
  notes: null,
  radio: null,
  phone: null,
  version: 1,
};

describe('CoT events', () => {
  it('escape what a callsign holds, and node-cot reads the same callsign back', () => {
    const xml = unitEvent(unit, Date.parse('2026-11-24T08:00:00Z'), 'FR') ?? '';
    const cot = CoTParser.from_xml(xml);
    expect(cot.raw.event.detail?.contact?._attributes.callsign).toBe(unit.callsign);
    expect(cot.raw.event._attributes).toMatchObject({
      type: 'a-f-G-U-S-M',
      how: 'm-g',
      time: '2026-11-24T08:00:00.000Z',
      stale: '2026-11-24T08:10:00.000Z',
    });
    expect(unitEvent({ ...unit, lat: null, lon: null }, 0, 'FR')).toBeNull();
  });

  it('draw a zone as a u-d-f shape with its colour as TAK ARGB', () => {
    expect(argb('#ff0000')).toBe(-65536);
    expect(argb('#00ff00', 64)).toBe(0x4000ff00);
    const zone: Zone = {
      id: 'z1',
      name: 'Zone',
      kind: 'red_zone',
      color: '#ff0000',
      polygon: [
        [
          [2.3, 48.85],
          [2.31, 48.85],
          [2.31, 48.86],
          [2.3, 48.85],
        ],
      ],
      marking: ['ES'],
      version: 1,
    };
    const cot = CoTParser.from_xml(zoneEvent(zone, 0, 'FR'));
    expect(cot.raw.event.detail?.remarks?._text).toBe('RELEASABLE TO FR, ES | red_zone');
  });
});

describe('a point drawn as a zone', () => {
  it('is a valid closed polygon of the stated radius around the point', () => {
    const rings = pointZonePolygon(2.2945, 48.8584);
    expect(polygonProblems(rings)).toEqual([]);
    for (const [lon, lat] of rings[0] ?? [])
      expect(straightLineM(48.8584, 2.2945, lat, lon)).toBeCloseTo(POINT_ZONE_RADIUS_M, 0);
  });

  it('names what is wrong with a point', () => {
    expect(pointProblem([2.3])).toMatch(/\[lon, lat\] numbers/);
    expect(pointProblem([48.8, 200])).toMatch(/out of range/);
    expect(pointProblem([2.3, 89])).toMatch(/too near a pole/);
    expect(pointProblem([2.3, 48.8])).toBeNull();
  });
});
