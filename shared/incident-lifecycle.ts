// The incident lifecycle as a state machine: new → acknowledged → dispatched → on scene →
// resolved → closed; cancelled from any open state; reopened from resolved with a reason.
import type { IncidentStatus, UnitStatus } from './domain.js';

export const INCIDENT_ACTIONS = [
  'acknowledge',
  'dispatch',
  'arrive',
  'resolve',
  'close',
  'cancel',
  'reopen',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

export const OPEN_STATUSES: readonly IncidentStatus[] = ['new', 'acknowledged', 'dispatched', 'on_scene'];
export const isOpen = (s: IncidentStatus): boolean => OPEN_STATUSES.includes(s);
/** Statuses after which units are released back to available. */
export const isFinished = (s: IncidentStatus): boolean =>
  s === 'resolved' || s === 'closed' || s === 'cancelled';

interface Rule {
  from: readonly IncidentStatus[];
  to: IncidentStatus;
  /** The action needs a written reason (kept in the journal). */
  needsReason: boolean;
}

export const TRANSITIONS: Record<IncidentAction, Rule> = {
  acknowledge: { from: ['new'], to: 'acknowledged', needsReason: false },
  dispatch: { from: ['acknowledged'], to: 'dispatched', needsReason: false },
  arrive: { from: ['dispatched'], to: 'on_scene', needsReason: false },
  resolve: { from: ['on_scene'], to: 'resolved', needsReason: false },
  // Closing records the outcome (one line): the report and the after-action read it.
  close: { from: ['resolved'], to: 'closed', needsReason: true },
  cancel: { from: OPEN_STATUSES, to: 'cancelled', needsReason: false },
  reopen: { from: ['resolved'], to: 'acknowledged', needsReason: true },
};

export type TransitionResult = { ok: true; to: IncidentStatus } | { ok: false; reason: string };

export function transition(from: IncidentStatus, action: IncidentAction, reason?: string): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    return {
      ok: false,
      reason: `Cannot ${action} an incident that is ${from.replace('_', ' ')} (only from: ${rule.from.join(', ')}).`,
    };
  }
  if (rule.needsReason && !reason?.trim())
    return {
      ok: false,
      reason:
        action === 'close'
          ? 'The outcome is required to close an incident (one line).'
          : `A reason is required to ${action} an incident.`,
    };
  return { ok: true, to: rule.to };
}

/** The console's one-key shortcuts for the steps of an open incident (same keys in every language). */
export const ACTION_KEYS: Partial<Record<IncidentAction, string>> = {
  acknowledge: 'A',
  dispatch: 'D',
  arrive: 'S',
  resolve: 'R',
  close: 'C',
};

/** Actions the desk may offer for an incident in this status. */
export function allowedActions(from: IncidentStatus): IncidentAction[] {
  return INCIDENT_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(from));
}

/** Assigned units follow their incident: assigned until dispatched, then en route, then on scene. */
export function unitStatusFor(incident: IncidentStatus): UnitStatus {
  switch (incident) {
    case 'new':
    case 'acknowledged':
      return 'assigned';
    case 'dispatched':
      return 'en_route';
    case 'on_scene':
      return 'on_scene';
    case 'resolved':
    case 'closed':
    case 'cancelled':
      return 'available';
  }
}

/** Column recording when the incident entered each status (none for 'new': created_at). */
export const STATUS_TIMESTAMP: Record<IncidentStatus, string | null> = {
  new: null,
  acknowledged: 'acknowledged_at',
  dispatched: 'dispatched_at',
  on_scene: 'on_scene_at',
  resolved: 'resolved_at',
  closed: 'closed_at',
  cancelled: 'cancelled_at',
};
