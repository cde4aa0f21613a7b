// Sorting that gives the same order everywhere: plain code-point comparison (no locale tables,
// which differ between ICU versions), and a window test shared by every section.

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares by each key in turn; a key returns a number or a string. */
export function by<T>(...keys: ((v: T) => number | string | null)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
    }
    return 0;
  };
}

/** A time inside the half-open window (from, to]: the start belongs to the previous window. */
export const within = (at: string, from: string, to: string): boolean => at > from && at <= to;

export const minutesBetween = (fromIso: string, toIso: string): number =>
  Math.max(0, Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));

/** Coordinates rounded to 5 decimals (about a metre): enough for a map, stable in JSON. */
export const round5 = (n: number): number => Math.round(n * 1e5) / 1e5;
