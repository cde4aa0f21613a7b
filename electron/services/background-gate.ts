// The desks' calls come before background work (the journal's older entries checked, the replay's
// keyframes read after opening). Those slices ran every few milliseconds whatever the host was
// doing, and while a console opened on a long journal they took half the CPU its first calls
// needed (issue 18, the board at scale). A slice now waits until no call has arrived for QUIET_MS,
// but never more than MAX_WAIT_MS after the last one ran, so the work still ends under a steady
// stream of calls (a break in the journal still raises the alarm within seconds).
export const QUIET_MS = 100;
export const MAX_WAIT_MS = 1000;

export class CallGate {
  private lastCall = -Infinity;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A desk's call arrived (services/dispatch.ts, both transports), or any request to the browser host. */
  callArrived(): void {
    this.lastCall = this.now();
  }

  /** How long a slice whose last one ran at `ranAt` should still wait; 0: run it now. */
  waitFor(ranAt: number): number {
    const t = this.now();
    return Math.max(0, Math.min(this.lastCall + QUIET_MS - t, ranAt + MAX_WAIT_MS - t));
  }

  time(): number {
    return this.now();
  }
}

/** The process's gate: every Vigie in it serves the same cores. */
export const calls = new CallGate();

export interface SliceTimer {
  /** The next slice after `pauseMs`, or later while calls keep arriving. */
  schedule(): void;
  close(): void;
}

/** Runs `step` once per schedule(), after the pause and once the gate lets it. */
export function sliceTimer(pauseMs: number, step: () => void, gate: CallGate = calls): SliceTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ranAt = gate.time();
  const arm = (ms: number) => {
    timer = setTimeout(fire, ms);
    timer.unref();
  };
  const fire = () => {
    timer = null;
    const wait = gate.waitFor(ranAt);
    if (wait > 0) return arm(wait);
    ranAt = gate.time();
    step();
  };
  return {
    schedule: () => {
      if (!timer) arm(pauseMs);
    },
    close: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
