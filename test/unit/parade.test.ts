// The parade tracker on fixed inputs: a straight 6.3 km route due north with bridges at 0, 1.5, 3
// and 6 km, and the Paris plan (start 17:30Z, 15 km/h, 85 boats 100 m apart: the column is 8.4 km,
// so 1 km takes 4 minutes and the tail is 33 min 36 s behind the head).
import { describe, expect, it } from 'vitest';
import {
  anchorsOf,
  columnKm,
  fixConflict,
  headKmAt,
  paradeState,
  timeAtKm,
  type HeadFix,
  type RouteLine,
} from '../../shared/parade.js';

const KM_PER_DEG_LAT = (6371008.8 * Math.PI) / 180 / 1000;
const ROUTE_KM = 6.3;
const route: RouteLine = {
  coordinates: [
    [2.35, 48.8],
    [2.35, 48.8 + 3 / KM_PER_DEG_LAT],
    [2.35, 48.8 + ROUTE_KM / KM_PER_DEG_LAT],
  ],
  bridges: [0, 1.5, 3, 6].map((km, i) => ({
    name: `B${i}`,
    chainageKm: km,
    lon: 2.35,
    lat: 48.8 + km / KM_PER_DEG_LAT,
  })),
};
const plan = { start: '2024-07-26T17:30:00Z', speedKmh: 15, boats: 85, spacingM: 100 };
const at = (hhmmss: string) => Date.parse(`2024-07-26T${hhmmss}Z`);
const fix = (km: number, hhmmss: string): HeadFix => ({ chainageKm: km, atMs: at(hhmmss) });
const times = (
  s: ReturnType<typeof paradeState>,
  key: 'expectedHeadAt' | 'expectedTailAt' | 'plannedHeadAt' | 'plannedTailAt',
) => s.bridges.map((b) => b[key].slice(11, 19));

describe('the plan', () => {
  const s = paradeState(plan, route, at('17:50:00'), []);

  it('is a column of (boats - 1) × spacing', () => {
    expect(columnKm(plan)).toBeCloseTo(8.4, 9);
    expect(s.columnKm).toBe(8.4);
    expect(s.routeKm).toBe(ROUTE_KM);
  });

  it('passes each bridge at start + chainage / speed (head) and 33 min 36 s later (tail)', () => {
    expect(times(s, 'plannedHeadAt')).toEqual(['17:30:00', '17:36:00', '17:42:00', '17:54:00']);
    expect(times(s, 'plannedTailAt')).toEqual(['18:03:36', '18:09:36', '18:15:36', '18:27:36']);
    expect(times(s, 'expectedHeadAt')).toEqual(times(s, 'plannedHeadAt'));
    expect(s.finish).toMatchObject({
      plannedHeadAt: '2024-07-26T17:55:12.000Z',
      plannedTailAt: '2024-07-26T18:28:48.000Z',
    });
    expect(s.basis).toBe('plan');
    expect(s.bridges.map((b) => b.headDelayMinutes)).toEqual([0, 0, 0, 0]);
  });

  it('puts head and tail where the clock says, clamped to the route', () => {
    expect(s).toMatchObject({ phase: 'under_way', head: { chainageKm: 5 }, tail: { chainageKm: 0 } });
    expect(s.head.lat).toBeCloseTo(48.8 + 5 / KM_PER_DEG_LAT, 9);
    expect(s.head.lon).toBeCloseTo(2.35, 9);
    expect(s.bridges.map((b) => [b.headPassed, b.tailPassed])).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [false, false],
    ]);
    expect(s.column[0]).toEqual([2.35, 48.8]);
    expect(s.column.at(-1)?.[1]).toBeCloseTo(s.head.lat, 9);

    const before = paradeState(plan, route, at('17:29:00'), []);
    expect(before).toMatchObject({ phase: 'before_start', head: { chainageKm: 0 }, tail: { chainageKm: 0 } });
    const arrived = paradeState(plan, route, at('18:10:00'), []);
    expect(arrived).toMatchObject({
      phase: 'head_arrived',
      head: { chainageKm: ROUTE_KM },
      tail: { chainageKm: 1.6 },
    });
    const done = paradeState(plan, route, at('18:40:00'), []);
    expect(done).toMatchObject({
      phase: 'finished',
      head: { chainageKm: ROUTE_KM },
      tail: { chainageKm: ROUTE_KM },
    });
  });
});

describe('re-planning from the head actually reported at B1 (1.5 km) at 17:40, 4 minutes late', () => {
  const fixes = [fix(1.5, '17:40:00')];
  const s = paradeState(plan, route, at('17:50:00'), fixes);

  it('moves every downstream ETA by the delay, at the planned speed from the report', () => {
    expect(times(s, 'expectedHeadAt')).toEqual(['17:30:00', '17:40:00', '17:46:00', '17:58:00']);
    expect(s.bridges.map((b) => b.headDelayMinutes)).toEqual([0, 4, 4, 4]);
    // The tail is the column's length behind: it leaves B0 when the head would be at 8.4 km.
    expect(times(s, 'expectedTailAt')).toEqual(['18:07:36', '18:13:36', '18:19:36', '18:31:36']);
    expect(s.finish).toMatchObject({ expectedHeadAt: '2024-07-26T17:59:12.000Z', headDelayMinutes: 4 });
    expect(s).toMatchObject({
      basis: 'actual',
      latestFix: { chainageKm: 1.5, at: '2024-07-26T17:40:00.000Z' },
    });
  });

  it('places the head from the report, interpolating before it', () => {
    expect(s.head.chainageKm).toBe(4);
    expect(paradeState(plan, route, at('17:35:00'), fixes).head.chainageKm).toBe(0.75);
  });

  it('does not use the average speed since the start (9 km/h here), which would put B3 at 18:10', () => {
    const average = (1.5 / (at('17:40:00') - at('17:30:00'))) * 3_600_000;
    expect(average).toBeCloseTo(9, 9);
    expect(s.bridges[3]?.expectedHeadAt).toBe('2024-07-26T17:58:00.000Z');
  });

  it('re-plans again from a later report (head at B2 at 17:45, one minute back)', () => {
    const later = paradeState(plan, route, at('17:50:00'), [...fixes, fix(3, '17:45:00')]);
    expect(times(later, 'expectedHeadAt')).toEqual(['17:30:00', '17:40:00', '17:45:00', '17:57:00']);
    expect(later.head.chainageKm).toBe(4.25);
  });

  it('counts a late start as a hold at the start line', () => {
    const late = paradeState(plan, route, at('17:35:00'), [fix(0, '17:40:00')]);
    expect(late).toMatchObject({ phase: 'before_start', head: { chainageKm: 0 } });
    expect(times(late, 'expectedHeadAt')).toEqual(['17:40:00', '17:46:00', '17:52:00', '18:04:00']);
    expect(late.bridges.map((b) => b.headDelayMinutes)).toEqual([10, 10, 10, 10]);
  });
});

describe('the head never goes backwards', () => {
  const existing = [fix(1.5, '17:40:00')];

  it('refuses a report that contradicts an earlier one, and accepts one that follows it', () => {
    expect(fixConflict(existing, fix(1, '17:45:00'))).toMatch(/reported at km 1\.50 at 2024-07-26T17:40:00/);
    expect(fixConflict(existing, fix(2, '17:35:00'))).toMatch(/cannot be at km 2\.00/);
    expect(fixConflict(existing, fix(2, '17:40:00'))).not.toBeNull();
    expect(fixConflict(existing, fix(2, '17:45:00'))).toBeNull();
    expect(fixConflict(existing, fix(1.5, '17:42:00'))).toBeNull();
  });

  it('keeps only the anchors consistent with the latest report, should inconsistent ones reach it', () => {
    const anchors = anchorsOf(plan, [fix(3, '17:40:00'), fix(2, '17:45:00')]);
    expect(anchors.map((a) => a.chainageKm)).toEqual([0, 2]);
    const v = 15 / 3_600_000;
    expect(headKmAt(anchors, v, at('17:45:00'))).toBe(2);
    expect(new Date(timeAtKm(anchors, v, 2)).toISOString()).toBe('2024-07-26T17:45:00.000Z');
  });
});
