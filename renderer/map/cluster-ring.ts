// A unit cluster at city zoom is drawn as a ring split by the statuses of its units, the count in the
// middle. The clustered source sums one property per status (clusterProperties); each distinct mix
// of counts names one image (`cluster:<theme>:<counts>`), drawn on first use (cluster-icons.ts).
// Pure: the ring's segments and the image names, no DOM.
import type { ExpressionSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import { UNIT_STATUSES, type UnitStatus } from '../../shared/domain';
import type { MapTheme } from './palette';

export type StatusCounts = Record<UnitStatus, number>;

/** The cluster property counting the units of a status. */
export const countProperty = (s: UnitStatus): string => `n_${s}`;

/** Summed over the points of each cluster. */
export const clusterProperties: NonNullable<GeoJSONSourceSpecification['clusterProperties']> =
  Object.fromEntries(
    UNIT_STATUSES.map((s) => [countProperty(s), ['+', ['case', ['==', ['get', 'status'], s], 1, 0]]]),
  );

const PREFIX = 'cluster:';

export function clusterImageId(theme: MapTheme, counts: StatusCounts): string {
  return `${PREFIX}${theme}:${UNIT_STATUSES.map((s) => counts[s]).join('-')}`;
}

/** The same name as clusterImageId, read from a cluster feature's properties by the style. */
export function clusterIconExpression(theme: MapTheme): ExpressionSpecification {
  const parts = UNIT_STATUSES.flatMap((s, i) => [
    ...(i ? ['-'] : []),
    ['to-string', ['get', countProperty(s)]] as ExpressionSpecification,
  ]);
  return ['concat', `${PREFIX}${theme}:`, ...parts] as ExpressionSpecification;
}

export function parseClusterImageId(id: string): { theme: MapTheme; counts: StatusCounts } | null {
  if (!id.startsWith(PREFIX)) return null;
  const [theme, list] = id.slice(PREFIX.length).split(':');
  if (theme !== 'dark' && theme !== 'light') return null;
  const values = (list ?? '').split('-').map(Number);
  if (values.length !== UNIT_STATUSES.length || values.some((v) => !Number.isInteger(v) || v < 0))
    return null;
  const counts = Object.fromEntries(UNIT_STATUSES.map((s, i) => [s, values[i] ?? 0])) as StatusCounts;
  return { theme, counts };
}

export interface RingSegment {
  status: UnitStatus;
  count: number;
  /** Fractions of the turn, clockwise from the top. */
  start: number;
  end: number;
}

/** The smallest share of the ring a status with any unit gets, so one unit among hundreds shows. */
export const MIN_SHARE = 1 / 30;

/**
 * The ring's segments in the legend's status order, each proportional to its count but never below
 * MIN_SHARE (the others shrink to make room); statuses without units get none.
 */
export function ringSegments(counts: StatusCounts): RingSegment[] {
  const present = UNIT_STATUSES.filter((s) => counts[s] > 0);
  const total = present.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return [];
  const small = present.filter((s) => counts[s] / total < MIN_SHARE);
  const bigTotal = present.reduce((n, s) => (small.includes(s) ? n : n + counts[s]), 0);
  const bigRoom = 1 - small.length * MIN_SHARE;
  const out: RingSegment[] = [];
  let at = 0;
  for (const s of present) {
    const share = small.includes(s) ? MIN_SHARE : (counts[s] / bigTotal) * bigRoom;
    out.push({ status: s, count: counts[s], start: at, end: at + share });
    at += share;
  }
  const last = out[out.length - 1];
  if (last) last.end = 1;
  return out;
}

/** The ring's outer radius in CSS pixels, growing with the count. */
export function ringRadius(total: number): number {
  if (total < 10) return 15;
  if (total < 30) return 18;
  if (total < 100) return 21;
  if (total < 1000) return 24;
  return 27;
}
