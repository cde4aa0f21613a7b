// Background slices give way to the desks' calls (services/background-gate.ts), on clocks the test moves.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallGate, MAX_WAIT_MS, QUIET_MS, sliceTimer } from '../../electron/services/background-gate.js';

afterEach(() => void vi.useRealTimers());

describe('the background gate', () => {
  it('holds a slice until no call has come for QUIET_MS, and never past MAX_WAIT_MS', () => {
    let t = 1000;
    const gate = new CallGate(() => t);
    expect(gate.waitFor(990)).toBe(0); // no call yet
    gate.callArrived();
    expect(gate.waitFor(990)).toBe(QUIET_MS);
    t += 60;
    expect(gate.waitFor(990)).toBe(QUIET_MS - 60);
    t += 40;
    expect(gate.waitFor(990)).toBe(0);
    // Calls that never stop: the slice runs MAX_WAIT_MS after the last one.
    t = 1000 + MAX_WAIT_MS - 10;
    gate.callArrived();
    expect(gate.waitFor(1000)).toBe(10);
  });

  it('runs the steps between bursts of calls, and at least once a MAX_WAIT_MS under a steady stream', () => {
    vi.useFakeTimers();
    const gate = new CallGate(() => Date.now());
    const ran: number[] = [];
    const start = Date.now();
    const timer = sliceTimer(
      5,
      () => {
        ran.push(Date.now() - start);
        timer.schedule();
      },
      gate,
    );
    timer.schedule();
    vi.advanceTimersByTime(20);
    expect(ran).toEqual([5, 10, 15, 20]);
    // A console opens: a call every 10 ms for 3 s. The slices wait for quiet, one a second at least.
    ran.length = 0;
    for (let i = 0; i < 300; i++) {
      gate.callArrived();
      vi.advanceTimersByTime(10);
    }
    expect(ran.length).toBeGreaterThanOrEqual(2);
    expect(ran.length).toBeLessThanOrEqual(3);
    // Quiet again: back to every pause once QUIET_MS has passed.
    ran.length = 0;
    vi.advanceTimersByTime(QUIET_MS + 50);
    expect(ran.length).toBeGreaterThanOrEqual(9);
    timer.close();
    const before = ran.length;
    vi.advanceTimersByTime(100);
    expect(ran.length).toBe(before);
  });
});
