// Summary statistics of response times: count, median, 90th percentile and maximum, in seconds.
import type { Stat } from './model.js';

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
function rank(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const i = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[i] ?? null;
}

/** The median of an even count is the mean of the two middle values, rounded to the second. */
function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (!n) return null;
  const hi = sorted[Math.floor(n / 2)] ?? 0;
  if (n % 2) return hi;
  return Math.round(((sorted[n / 2 - 1] ?? 0) + hi) / 2);
}

export function stat(values: readonly (number | null)[]): Stat {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianS: median(sorted),
    p90S: rank(sorted, 90),
    maxS: sorted.length ? (sorted[sorted.length - 1] ?? null) : null,
  };
}
