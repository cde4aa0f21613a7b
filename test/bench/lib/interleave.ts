// Contestants measured side by side, by turns, for the benches' throughput figures.
import { perSecond } from './stats.js';

/**
 * Runs each contestant in turn for a slice of time, `rounds` times per run, and returns each one's
 * rate per second for each run (operations done ÷ time taken, summed over the run's slices). Fine
 * interleaving, so that a burst of load from elsewhere hits every contestant alike; time slices, so
 * that a slow machine makes the figures noisier, not the bench longer. A contestant may be
 * asynchronous (its promise is awaited); a synchronous one runs without any await in its loop.
 */
export async function interleave<K extends string>(
  runs: number,
  rounds: number,
  sliceMs: number,
  contestants: Record<K, (i: number) => unknown>,
  /**
   * A new order each round (seeded: the same for every run of the bench), so that none always runs
   * right after the same one (after a loop of fsyncs, say, whose writeback it would meet first).
   */
  o: { shuffle?: boolean } = {},
): Promise<Record<K, number[]>> {
  const keys = Object.keys(contestants) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const next = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (let run = 0; run < runs; run++) {
    const ops = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    const ms = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    for (let round = 0; round < rounds; round++) {
      for (const k of o.shuffle ? shuffled(keys, run * rounds + round) : keys) {
        const f = contestants[k];
        const t = performance.now();
        let elapsed: number;
        do {
          const r = f(next[k]++);
          if (r instanceof Promise) await r;
          ops[k]++;
          elapsed = performance.now() - t;
        } while (elapsed < sliceMs);
        ms[k] += elapsed;
      }
    }
    for (const k of keys) out[k].push(perSecond(ops[k], ms[k]));
  }
  return out;
}

/** The keys in an order drawn from `seed` (Fisher–Yates over a small linear congruential generator). */
function shuffled<K>(keys: readonly K[], seed: number): K[] {
  const out = [...keys];
  let state = (seed * 2654435761 + 1) >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as K, out[i] as K];
  }
  return out;
}
