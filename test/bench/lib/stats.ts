// Figures: every one is the median of several runs, shown with the fastest and slowest run.
// Peers are compared run by run (each ratio is taken between runs made side by side), so that a
// machine that slows down half-way through moves both sides of a ratio together.

export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The p-th percentile (0-100), nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank] as number;
}

export function stat(xs: readonly number[]): Stat {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length };
}

/** Run-by-run ratio a[i] / b[i] of two series measured side by side. */
export function ratio(a: readonly number[], b: readonly number[]): Stat {
  return stat(a.map((x, i) => x / (b[i] as number)));
}

/** Milliseconds spent in fn. */
export function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function timedAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Rate per second of `count` operations done in `ms` milliseconds. */
export const perSecond = (count: number, ms: number): number => (count * 1000) / ms;

// Formatting ---------------------------------------------------------------------------------

const digitsFor = (x: number): number => (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);

/** 12,345 / 12.3 / 1.23: three significant figures at most, thousands separated. */
export function num(x: number, digits = digitsFor(x)): string {
  if (!Number.isFinite(x)) return '—';
  return x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "1,234 /s (1,100–1,300)": the median, then the range of the runs. */
export function fig(s: Stat, unit = '', digits?: number): string {
  const d = digits ?? digitsFor(s.median);
  const u = unit ? ` ${unit}` : '';
  if (s.runs <= 1) return `${num(s.median, d)}${u}`;
  return `${num(s.median, d)}${u} (${num(s.min, d)}–${num(s.max, d)})`;
}

/** "0.93× (0.90–0.97)". */
export const times = (s: Stat): string => fig(s, '×', 2).replace(' ×', '×');

/** "0.93×": the median ratio alone, for sentences. */
export const x = (s: Stat): string => `${num(s.median, 2)}×`;

export const mb = (bytes: number): number => bytes / (1024 * 1024);
