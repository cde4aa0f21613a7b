// Overdue rules for the incident board: a P1 not acknowledged within 2 minutes or not on scene
// within 10 is flagged. Thresholds are data (configurable per operation), not code.
import type { Incident, Priority } from './domain.js';

export interface OverdueThresholds {
  /** Minutes allowed from creation to acknowledgement, per priority (null: no limit). */
  acknowledgeMinutes: Record<Priority, number | null>;
  /** Minutes allowed from creation to on scene, per priority. */
  onSceneMinutes: Record<Priority, number | null>;
}

export const DEFAULT_THRESHOLDS: OverdueThresholds = {
  acknowledgeMinutes: { 1: 2, 2: 5, 3: 15, 4: null },
  onSceneMinutes: { 1: 10, 2: 20, 3: 45, 4: null },
};

export type Overdue = null | 'acknowledge' | 'on_scene';

/**
 * What the deadlines look at: the status says whether it was acknowledged or is on scene yet, and
 * the deadlines count from its creation (the map's points carry no more than this).
 */
export type OverdueItem = Pick<Incident, 'priority' | 'status' | 'createdAt'>;

/** Which deadline the incident has missed, if any, at operation time `now`. */
export function overdue(i: OverdueItem, now: number, t = DEFAULT_THRESHOLDS): Overdue {
  if (i.status !== 'new' && i.status !== 'acknowledged' && i.status !== 'dispatched') return null;
  const age = (now - Date.parse(i.createdAt)) / 60_000;
  const ack = t.acknowledgeMinutes[i.priority];
  if (i.status === 'new' && ack !== null && age > ack) return 'acknowledge';
  const onScene = t.onSceneMinutes[i.priority];
  if (onScene !== null && age > onScene) return 'on_scene';
  return null;
}
