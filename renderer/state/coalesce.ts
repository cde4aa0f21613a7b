// Re-reads asked for faster than they can be answered are merged: one read in flight, one more
// after it for everything asked meanwhile, and reads started at least `gapMs` apart. A tracking
// gateway's moves arrive by the hundred a second; one read that starts after them sees them all,
// where a read per pushed batch kept the console parsing whole lists back to back.
export function coalesced(
  run: () => Promise<void>,
  gapMs: number,
  now: () => number = () => Date.now(),
): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let lastStart = -Infinity;
  const start = (): Promise<void> => {
    const wait = Math.max(0, lastStart + gapMs - now());
    const p = (wait > 0 ? new Promise<void>((r) => setTimeout(r, wait)) : Promise.resolve())
      .then(() => {
        lastStart = now();
        return run();
      })
      .finally(() => {
        inFlight = null;
      });
    inFlight = p;
    return p;
  };
  return () => {
    if (!inFlight) return start();
    queued ??= inFlight
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
