// Opening a room that does not answer yet: servers started together with their database (a
// machine's boot, a failover) try again for a while instead of giving up after the first 5 s.
import { StoreError } from '../store/errors.js';

export interface Patience {
  tries: number;
  pauseMs: number;
}

export const SERVE_PATIENCE: Patience = { tries: 15, pauseMs: 2000 };

/** Calls `open` until it succeeds, retrying only while the room is unreachable. */
export async function untilReachable<T>(
  open: () => T,
  say: (line: string) => void,
  p: Patience = SERVE_PATIENCE,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return open();
    } catch (err) {
      if (!(err instanceof StoreError) || err.kind !== 'unreachable' || attempt >= p.tries) throw err;
      say(`${err.message}; trying again in ${p.pauseMs / 1000} s (${attempt}/${p.tries})`);
      await new Promise((resolve) => setTimeout(resolve, p.pauseMs));
    }
  }
}
