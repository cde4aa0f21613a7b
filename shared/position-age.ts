// When a unit's last known position is too old to trust, on the operation clock.

/** Stale once older than `staleMinutes`; a unit with no position has nothing to go stale. */
export function isPositionStale(positionAt: string | null, nowMs: number, staleMinutes: number): boolean {
  if (!positionAt) return false;
  return nowMs - Date.parse(positionAt) > staleMinutes * 60_000;
}
