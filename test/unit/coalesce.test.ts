import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEntry } from '../../shared/live.js';

// Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'.
const load = <T>(path: string): Promise<T> => import(/* @vite-ignore */ path) as Promise<T>;
const { coalesced } = await load<{
  coalesced: (run: () => Promise<void>, gapMs: number) => () => Promise<void>;
}>('../../renderer/state/coalesce.ts');
const { reloadsFor } = await load<{ reloadsFor: (e: readonly LiveEntry[]) => Set<string> }>(
  '../../renderer/live/apply.ts',
);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A read that takes `ms` and records when it started. */
function reads(ms: number) {
  const started: number[] = [];
  const run = () => {
    started.push(Date.now());
    return new Promise<void>((r) => setTimeout(r, ms));
  };
  return { started, run };
}

describe('coalesced re-reads', () => {
  it('merges every ask made during a read into one more read after it', async () => {
    const { started, run } = reads(100);
    const load = coalesced(run, 0);
    const t0 = Date.now();
    const first = load();
    await vi.advanceTimersByTimeAsync(10);
    const asks = [load(), load(), load()];
    expect(new Set(asks).size).toBe(1);
    await vi.advanceTimersByTimeAsync(300);
    await Promise.all([first, ...asks]);
    expect(started.map((t) => t - t0)).toEqual([0, 100]);
  });

  it('starts reads at least the gap apart, and a lone ask at once', async () => {
    const { started, run } = reads(20);
    const load = coalesced(run, 250);
    const t0 = Date.now();
    void load();
    await vi.advanceTimersByTimeAsync(30);
    void load();
    await vi.advanceTimersByTimeAsync(1000);
    void load();
    await vi.advanceTimersByTimeAsync(100);
    expect(started.map((t) => t - t0)).toEqual([0, 250, 1030]);
  });

  it('goes on after a failed read', async () => {
    let n = 0;
    const load = coalesced(async () => {
      n++;
      if (n === 1) throw new Error('room lost');
    }, 0);
    await expect(load()).rejects.toThrow('room lost');
    await expect(load()).resolves.toBeUndefined();
    expect(n).toBe(2);
  });
});

describe('what a pushed entry re-reads', () => {
  const entry = (action: string, entityType: string): LiveEntry => ({
    seq: 1,
    action,
    entityType,
    entityId: 'u1',
    operator: 'o',
    desk: 'D1',
  });

  it('a move re-reads the units only; another change to a unit its incidents too', () => {
    expect([...reloadsFor([entry('unit.moved', 'unit')])]).toEqual(['units']);
    expect([...reloadsFor([entry('unit.status_changed', 'unit')])].sort()).toEqual(['incidents', 'units']);
    expect(
      [...reloadsFor([entry('unit.moved', 'unit'), entry('incident.created', 'incident')])].sort(),
    ).toEqual(['incidents', 'priorityOne', 'units']);
  });
});
