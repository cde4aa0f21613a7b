// The operation clock for the UI: built from the session (an exercise replays its scenario's day
// from its start), and a ticking "now" that re-renders on each whole second of that clock.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { clockFor, realTime, type Clock } from '../../shared/clock';
import { useSession } from '../state/hooks';

/** Before the session says which operation this is: UTC, never one event's zone. */
export const DEFAULT_TIME_ZONE = 'UTC';

export interface OperationClock {
  clock: Clock;
  timeZone: string;
}

export function useOperationClock(): OperationClock {
  const session = useSession();
  const op = session?.operation;
  const mode = op?.mode;
  const scenarioStart = op?.scenarioStart ?? null;
  const anchorReal = op?.anchorReal ?? null;
  const timeZone = op?.timezone ?? DEFAULT_TIME_ZONE;
  // A supervisor's pause or speed change arrives as a new session (live feed): every age follows.
  const state = op?.clock?.state;
  const rate = op?.clock?.rate;
  const opAt = op?.clock?.opAt;
  const realAt = op?.clock?.realAt;
  const clock = useMemo(() => {
    if (!mode) return realTime;
    const piece = state && rate && opAt && realAt ? { state, rate, opAt, realAt } : null;
    return clockFor({ mode, scenarioStart, anchorReal, clock: piece });
  }, [mode, scenarioStart, anchorReal, state, rate, opAt, realAt]);
  return useMemo(() => ({ clock, timeZone }), [clock, timeZone]);
}

/** Operation time in whole seconds (as ms), re-rendering on each second of the operation clock. */
export function useNow(clock: Clock): number {
  const subscribe = useCallback(
    (notify: () => void) => {
      let timer: ReturnType<typeof setTimeout>;
      const schedule = () => {
        timer = setTimeout(
          () => {
            notify();
            schedule();
          },
          1000 - (clock.now() % 1000) + 5,
        );
      };
      schedule();
      return () => clearTimeout(timer);
    },
    [clock],
  );
  return useSyncExternalStore(subscribe, () => Math.floor(clock.now() / 1000) * 1000);
}
