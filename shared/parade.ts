// The ceremony parade along its route: where the head and the tail of the column are at any time,
// and when each bridge sees them pass, from the plan and the officers' reports of the head's
// actual position. Pure: the renderer's time slider and the main process compute the same thing.
//
// Model. The column is rigid: every boat keeps the speed of the head, so the tail is always the
// column's length behind it ((boats - 1) × spacing). The head's track is piecewise linear through
// "anchors": the planned start (chainage 0 at the start time) and each reported actual position.
// Past the latest anchor the head moves on at the PLANNED speed. We re-plan from the latest actual
// at the planned speed rather than at the average speed observed since the start, because what
// delays a parade is mostly an offset (a late start, a hold at a bridge), not a change of cruising
// speed set by the river police: an average since the start would turn a 10-minute late start into
// a permanently slower parade and push every downstream ETA later and later. Between two anchors the
// head moved at whatever speed joins them (a hold shows as a flat stretch). Before its first anchor
// the head waits at the start line.
import distance from '@turf/distance';
import type { Bridge } from './domain.js';

export interface ParadePlanValues {
  /** UTC ISO time the head leaves chainage 0. */
  start: string;
  speedKmh: number;
  boats: number;
  /** Metres between consecutive boats. */
  spacingM: number;
}

/** A reported position of the head: at chainage `chainageKm` at time `atMs`. */
export interface HeadFix {
  chainageKm: number;
  atMs: number;
}

export interface RouteLine {
  /** [lon, lat], from chainage 0 onwards. */
  coordinates: readonly (readonly [number, number])[];
  bridges: readonly Bridge[];
}

export interface ParadePoint {
  chainageKm: number;
  lon: number;
  lat: number;
}

export interface BridgePass {
  name: string;
  chainageKm: number;
  lat: number;
  lon: number;
  plannedHeadAt: string;
  plannedTailAt: string;
  /** From the latest actual (equal to the plan while there is none). */
  expectedHeadAt: string;
  expectedTailAt: string;
  /** Expected minus planned head pass, minutes (positive: late). */
  headDelayMinutes: number;
  headPassed: boolean;
  tailPassed: boolean;
}

export type ParadePhase = 'before_start' | 'under_way' | 'head_arrived' | 'finished';

export interface ParadeState {
  at: string;
  phase: ParadePhase;
  head: ParadePoint;
  tail: ParadePoint;
  /** The column between tail and head along the route ([lon, lat]; one point when they coincide). */
  column: [number, number][];
  columnKm: number;
  routeKm: number;
  /** 'actual' once an officer has reported the head's position. */
  basis: 'plan' | 'actual';
  latestFix: { chainageKm: number; at: string } | null;
  bridges: BridgePass[];
  finish: Omit<BridgePass, 'name' | 'lat' | 'lon' | 'chainageKm'>;
}

const MS_PER_HOUR = 3_600_000;
const km = (a: readonly [number, number], b: readonly [number, number]) =>
  distance([a[0], a[1]], [b[0], b[1]], { units: 'kilometers' });
const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString();
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The column's length: (boats - 1) × spacing, in km. */
export const columnKm = (p: ParadePlanValues): number => (Math.max(p.boats, 1) - 1) * (p.spacingM / 1000);

/** Cumulative km at each vertex (the same metric as turf's nearest-point chainage). */
export function cumulativeKm(coords: RouteLine['coordinates']): number[] {
  const out = [0];
  for (let i = 1; i < coords.length; i++)
    out.push((out[i - 1] as number) + km(coords[i - 1] as [number, number], coords[i] as [number, number]));
  return out;
}

/** The point at a chainage (clamped to the line). */
export function pointAtKm(
  coords: RouteLine['coordinates'],
  cum: readonly number[],
  at: number,
): [number, number] {
  const total = cum[cum.length - 1] ?? 0;
  const c = clamp(at, 0, total);
  let i = 1;
  while (i < cum.length - 1 && (cum[i] as number) < c) i++;
  const [k0, k1] = [cum[i - 1] as number, cum[i] as number];
  const [a, b] = [coords[i - 1] as [number, number], coords[i] as [number, number]];
  const t = k1 > k0 ? (c - k0) / (k1 - k0) : 0;
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/** The line between two chainages. */
export function sliceKm(
  coords: RouteLine['coordinates'],
  cum: readonly number[],
  from: number,
  to: number,
): [number, number][] {
  const out: [number, number][] = [pointAtKm(coords, cum, from)];
  cum.forEach((k, i) => {
    if (k > from && k < to) out.push([...(coords[i] as [number, number])]);
  });
  if (to > from) out.push(pointAtKm(coords, cum, to));
  return out;
}

/**
 * The anchors of the head's track, in time order: each fix, keeping only those consistent with the
 * latest (a fix the head could not have made, ahead of a later one, is dropped), and the planned
 * start when it comes before the first fix.
 */
export function anchorsOf(plan: ParadePlanValues, fixes: readonly HeadFix[]): HeadFix[] {
  const sorted = [...fixes].sort((a, b) => a.atMs - b.atMs);
  const kept: HeadFix[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const f = sorted[i] as HeadFix;
    const next = kept[0];
    if (!next || (f.atMs < next.atMs && f.chainageKm <= next.chainageKm)) kept.unshift(f);
  }
  const start: HeadFix = { chainageKm: 0, atMs: Date.parse(plan.start) };
  const first = kept[0];
  if (!first || start.atMs < first.atMs) kept.unshift(start);
  return kept;
}

/** Where the head is at time t (km; may run past the route's end, which the tail needs). */
export function headKmAt(anchors: readonly HeadFix[], speedKmPerMs: number, t: number): number {
  const first = anchors[0] as HeadFix;
  if (t <= first.atMs) return Math.max(0, first.chainageKm - speedKmPerMs * (first.atMs - t));
  for (let i = 1; i < anchors.length; i++) {
    const [a, b] = [anchors[i - 1] as HeadFix, anchors[i] as HeadFix];
    if (t <= b.atMs) return a.chainageKm + ((b.chainageKm - a.chainageKm) * (t - a.atMs)) / (b.atMs - a.atMs);
  }
  const last = anchors[anchors.length - 1] as HeadFix;
  return last.chainageKm + speedKmPerMs * (t - last.atMs);
}

/** When the head leaves chainage c (after any hold there). */
export function timeAtKm(anchors: readonly HeadFix[], speedKmPerMs: number, c: number): number {
  const last = anchors[anchors.length - 1] as HeadFix;
  if (c >= last.chainageKm) return last.atMs + (c - last.chainageKm) / speedKmPerMs;
  for (let i = anchors.length - 2; i >= 0; i--) {
    const [a, b] = [anchors[i] as HeadFix, anchors[i + 1] as HeadFix];
    if (a.chainageKm <= c)
      return a.atMs + ((c - a.chainageKm) * (b.atMs - a.atMs)) / (b.chainageKm - a.chainageKm);
  }
  const first = anchors[0] as HeadFix;
  return first.atMs - (first.chainageKm - c) / speedKmPerMs;
}

/**
 * Why a new report of the head's position cannot be right given the earlier ones (the head never
 * moves backwards), or null when it fits.
 */
export function fixConflict(existing: readonly HeadFix[], fix: HeadFix): string | null {
  for (const e of existing) {
    const earlierButAhead = e.atMs < fix.atMs && e.chainageKm > fix.chainageKm;
    const laterButBehind = e.atMs > fix.atMs && e.chainageKm < fix.chainageKm;
    const sameTimeElsewhere = e.atMs === fix.atMs && e.chainageKm !== fix.chainageKm;
    if (earlierButAhead || laterButBehind || sameTimeElsewhere) {
      return `the head was reported at km ${e.chainageKm.toFixed(2)} at ${iso(e.atMs)}; it cannot be at km ${fix.chainageKm.toFixed(2)} at ${iso(fix.atMs)} (retract the wrong report first)`;
    }
  }
  return null;
}

/** Where the parade is at `atMs` and when each bridge sees its head and tail, planned and expected. */
export function paradeState(
  plan: ParadePlanValues,
  route: RouteLine,
  atMs: number,
  fixes: readonly HeadFix[],
): ParadeState {
  const v = plan.speedKmh / MS_PER_HOUR;
  const len = columnKm(plan);
  const cum = cumulativeKm(route.coordinates);
  const routeKm = cum[cum.length - 1] ?? 0;
  const planned = anchorsOf(plan, []);
  const expected = anchorsOf(plan, fixes);
  const virtual = headKmAt(expected, v, atMs);
  const headKm = clamp(virtual, 0, routeKm);
  const tailKm = clamp(virtual - len, 0, routeKm);
  const point = (c: number): ParadePoint => {
    const [lon, lat] = pointAtKm(route.coordinates, cum, c);
    return { chainageKm: round3(c), lon, lat };
  };
  const pass = (c: number): ParadeState['finish'] & { chainageKm: number } => {
    const [ph, pt] = [timeAtKm(planned, v, c), timeAtKm(planned, v, c + len)];
    const [eh, et] = [timeAtKm(expected, v, c), timeAtKm(expected, v, c + len)];
    return {
      chainageKm: c,
      plannedHeadAt: iso(ph),
      plannedTailAt: iso(pt),
      expectedHeadAt: iso(eh),
      expectedTailAt: iso(et),
      headDelayMinutes: Math.round((eh - ph) / 6000) / 10,
      headPassed: eh <= atMs,
      tailPassed: et <= atMs,
    };
  };
  const latest = fixes.length ? [...fixes].sort((a, b) => b.atMs - a.atMs)[0] : undefined;
  const started = atMs >= timeAtKm(expected, v, 0) && virtual > 0;
  const phase: ParadePhase = !started
    ? 'before_start'
    : virtual < routeKm
      ? 'under_way'
      : virtual - len < routeKm
        ? 'head_arrived'
        : 'finished';
  const { chainageKm: _end, ...finish } = pass(routeKm);
  return {
    at: iso(atMs),
    phase,
    head: point(headKm),
    tail: point(tailKm),
    column: sliceKm(route.coordinates, cum, tailKm, headKm),
    columnKm: round3(len),
    routeKm: round3(routeKm),
    basis: fixes.length ? 'actual' : 'plan',
    latestFix: latest ? { chainageKm: latest.chainageKm, at: iso(latest.atMs) } : null,
    bridges: route.bridges.map((b) => ({ name: b.name, lat: b.lat, lon: b.lon, ...pass(b.chainageKm) })),
    finish,
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
