// Units moving while the map bench records frames: a random walk per mover, sent to Vigie through
// moveUnit over HTTP once a second, and the frame figures of a recording.
import type { Unit } from '../../../shared/domain.js';
import type { HostClient } from '../../support/host-client.js';
import { rng, type Bbox } from './fixture.js';
import type { Built } from './map-scenarios.js';
import { median, percentile } from './stats.js';

// ---- moving units ---------------------------------------------------------------------------

const clampTo = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A random walk inside the box for each mover: where each is after one more second. */
export function walker(movers: Built['movers'], bbox: Bbox) {
  const r = rng(17);
  return () =>
    movers.map((m) => {
      m.lat = +clampTo(m.lat + (r() - 0.5) * 0.0006, bbox.south, bbox.north).toFixed(6);
      m.lon = +clampTo(m.lon + (r() - 0.5) * 0.0009, bbox.west, bbox.east).toFixed(6);
      return m;
    });
}

async function post<T>(client: HostClient, name: string, input: unknown): Promise<T> {
  const r = await client.call(name, input);
  const body = r.body as T & { error?: { message: string } };
  if (r.status !== 200) throw new Error(`${name}: ${body.error?.message ?? r.status}`);
  return body;
}

/**
 * Moves every mover once a second through the contract (moveUnit over HTTP, as another desk or a
 * tracking gateway would), 4 requests in flight. Returns stop(), which resolves to the moves made
 * and the seconds they took.
 */
export function driveMoves(gateway: HostClient, movers: Built['movers'], bbox: Bbox) {
  const next = walker(movers, bbox);
  let stopped = false;
  let moves = 0;
  const started = performance.now();
  const loop = (async () => {
    while (!stopped) {
      const tick = performance.now();
      const batch = next();
      let i = 0;
      const worker = async () => {
        while (!stopped && i < batch.length) {
          const m = batch[i++] as Built['movers'][number];
          const unit = await post<Unit>(gateway, 'moveUnit', {
            id: m.id,
            version: m.version,
            lat: m.lat,
            lon: m.lon,
            source: 'report',
          });
          m.version = unit.version;
          moves++;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      const rest = 1000 - (performance.now() - tick);
      if (rest > 0 && !stopped) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return { moves, seconds: (performance.now() - started) / 1000 };
  };
}

export interface Frames {
  median: number;
  p95: number;
  max: number;
  long: number;
  frames: number;
  movesPerSecond: number;
  refreshes: number;
}

export function frameStats(intervals: number[], movesPerSecond: number, refreshes: number): Frames {
  return {
    median: median(intervals),
    p95: percentile(intervals, 95),
    max: Math.max(...intervals),
    long: intervals.filter((i) => i > 50).length,
    frames: intervals.length,
    movesPerSecond,
    refreshes,
  };
}
