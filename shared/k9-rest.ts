// A dog team's rest. Detection dogs work in short spells: each team carries the time its dog must
// be stood down ("rest due"), set from the roster, by the officer, or on assignment from the work
// period setting. The desk is warned before it, and a team past it is not suggested for work.
import type { UnitKind } from './domain.js';

export const K9_KINDS: readonly UnitKind[] = ['k9_explosives', 'k9_patrol'];
export const isK9Kind = (kind: UnitKind): boolean => K9_KINDS.includes(kind);

/** How long before its rest a team is flagged. */
export const REST_WARN_MINUTES = 15;
/** Default work period of a dog before it rests, and the bounds of the setting. */
export const DEFAULT_K9_WORK_MINUTES = 45;
export const MAX_K9_WORK_MINUTES = 480;

/** unset: no rest time known; ok: more than the warning left; soon: within it; due: past it. */
export type K9RestLevel = 'unset' | 'ok' | 'soon' | 'due';

export interface K9RestState {
  level: K9RestLevel;
  restDue: string | null;
  /** Whole minutes left (negative once past), rounded towards "sooner"; null when unset. */
  minutesLeft: number | null;
}

/** The rest of a dog team at `nowMs`; null for a unit of another kind. */
export function k9Rest(
  unit: { kind: UnitKind; k9: { restDue: string | null } | null },
  nowMs: number,
  warnMinutes = REST_WARN_MINUTES,
): K9RestState | null {
  if (!isK9Kind(unit.kind)) return null;
  const restDue = unit.k9?.restDue ?? null;
  const dueMs = restDue === null ? NaN : Date.parse(restDue);
  if (Number.isNaN(dueMs)) return { level: 'unset', restDue: null, minutesLeft: null };
  const minutesLeft = Math.floor((dueMs - nowMs) / 60000);
  const level = dueMs <= nowMs ? 'due' : dueMs - nowMs <= warnMinutes * 60000 ? 'soon' : 'ok';
  return { level, restDue, minutesLeft };
}
