// Overdue incidents on the operation clock (shared/overdue.ts), with the operation's thresholds
// from the settings (setThresholds at load and after a change).
// Counting them every second over tens of thousands of rows would cost the main thread each tick,
// so each read of the points (every matching incident) is turned once into the sorted instants at which its incidents become
// overdue; the count at any `now` is then a binary search. (Overdue only ever starts with time: it
// ends when the status changes, and a status change is a new read.)
import { useMemo } from 'react';
import {
  DEFAULT_THRESHOLDS,
  overdue,
  type Overdue,
  type OverdueItem,
  type OverdueThresholds,
} from '../../shared/overdue';

let THRESHOLDS: OverdueThresholds = DEFAULT_THRESHOLDS;

/** Applies the operation's thresholds; cached deadlines were computed with the old ones. */
export function setThresholds(t: OverdueThresholds): void {
  if (JSON.stringify(t) === JSON.stringify(THRESHOLDS)) return;
  THRESHOLDS = t;
  cache = new WeakMap();
}

export const currentThresholds = (): OverdueThresholds => THRESHOLDS;

export const overdueAt = (i: OverdueItem, now: number): Overdue => overdue(i, now, THRESHOLDS);

/** The first instant (ms) at which the incident is overdue, or null if it never will be as it is. */
export function overdueFrom(i: OverdueItem): number | null {
  const created = Date.parse(i.createdAt);
  let first: number | null = null;
  for (const minutes of [THRESHOLDS.acknowledgeMinutes[i.priority], THRESHOLDS.onSceneMinutes[i.priority]]) {
    if (minutes === null) continue;
    // overdue() compares age > threshold: the deadline itself is not yet late, a millisecond on is.
    const at = created + minutes * 60_000 + 1;
    if (overdueAt(i, at) && (first === null || at < first)) first = at;
  }
  return first;
}

let cache = new WeakMap<readonly OverdueItem[], Float64Array>();

/** Sorted instants at which the incidents of this list become overdue (computed once per list). */
export function overdueInstants(incidents: readonly OverdueItem[]): Float64Array {
  let instants = cache.get(incidents);
  if (!instants) {
    const all: number[] = [];
    for (const i of incidents) {
      const at = overdueFrom(i);
      if (at !== null) all.push(at);
    }
    instants = Float64Array.from(all).sort();
    cache.set(incidents, instants);
  }
  return instants;
}

/** How many instants are at or before `now`. */
export function countUpTo(sorted: Float64Array, now: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= now) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the incidents have missed a deadline at `now`. */
export function useOverdueCount(incidents: readonly OverdueItem[], now: number): number {
  const instants = useMemo(() => overdueInstants(incidents), [incidents]);
  return countUpTo(instants, now);
}
