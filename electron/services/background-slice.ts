// Work done in the background a slice at a time between requests (the journal's older entries
// checked, the replay's keyframes read): each slice is sized from how fast the last one went, so
// that a request arriving meanwhile waits about SLICE_MS, on a busy machine as on a quiet one. A
// fixed count of entries took 100-150 ms a slice with other work on the two cores, and held back the
// page of a console opened just after the start (issue 18, first paint).
export const SLICE_MS = 8;

export interface SliceSizer {
  /** Runs `work` on the next slice's size; the time it takes sizes the slice after it. */
  run<T>(work: (size: number) => T): T;
}

/** Slices that start at `min` items and follow the work's pace, never above `max`. */
export function sliceSizer(min: number, max: number, now = () => performance.now()): SliceSizer {
  let size = min;
  return {
    run(work) {
      const n = size;
      const t = now();
      const out = work(n);
      const perMs = n / Math.max(now() - t, 0.5);
      size = Math.max(min, Math.min(max, Math.round(perMs * SLICE_MS)));
      return out;
    },
  };
}
