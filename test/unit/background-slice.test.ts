// Background slices follow the work's pace (services/background-slice.ts), on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { SLICE_MS, sliceSizer } from '../../electron/services/background-slice.js';

/** A sizer whose work takes `msPerItem` per item on a fake clock; returns the sizes it was asked for. */
function sizes(msPerItem: number[], min: number, max: number): number[] {
  let clock = 0;
  const sizer = sliceSizer(min, max, () => clock);
  return msPerItem.map((cost) =>
    sizer.run((n) => {
      clock += n * cost;
      return n;
    }),
  );
}

describe('background slices', () => {
  it('start at the minimum and grow to what takes SLICE_MS, never past the maximum', () => {
    // 0.01 ms an item: SLICE_MS worth is 800 items.
    expect(sizes([0.01, 0.01, 0.01], 100, 5000)).toEqual([100, SLICE_MS / 0.01, SLICE_MS / 0.01]);
    // Very fast work: a slice is counted as 0.5 ms at least (the clock's grain), then the maximum holds.
    expect(sizes([0.0001, 0.0001, 0.0001], 100, 2000)).toEqual([100, 1600, 2000]);
  });

  it('shrink when the work slows down (a busy machine), never below the minimum', () => {
    // 800 items at 0.01 ms, then the machine slows to 0.04 ms an item: 200 items keep a slice at SLICE_MS.
    expect(sizes([0.01, 0.04, 0.04], 100, 5000)).toEqual([100, 800, 200]);
    expect(sizes([0.01, 1], 100, 5000).concat(sizes([1, 1], 100, 5000))).toEqual([100, 800, 100, 100]);
  });
});
