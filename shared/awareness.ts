// Shared awareness in the room: the national alert level, bulletins, requests between desks and
// the alerts a desk raises from them. Tokens are the interchange vocabulary; the UI translates.
import type { Marking } from './releasability.js';
import type { Role } from './roles.js';

/**
 * Alert scales, lowest level first. Vigipirate is the French national scale (Paris 2024); NTAS the
 * US National Terrorism Advisory System (Los Angeles 2028), where "none" means no advisory in force.
 */
export const ALERT_SCALES = {
  vigipirate: ['vigilance', 'securite_renforcee', 'urgence_attentat'],
  ntas: ['none', 'bulletin', 'elevated', 'imminent'],
} as const satisfies Record<string, readonly string[]>;
export type AlertScale = keyof typeof ALERT_SCALES;
export const ALERT_SCALE_NAMES = Object.keys(ALERT_SCALES) as AlertScale[];

export const isAlertLevel = (scale: AlertScale, level: string): boolean =>
  (ALERT_SCALES[scale] as readonly string[]).includes(level);

/** The desk name the seed journals under: a level it set is the operation's first, not a change. */
export const SEED_DESK = 'seed';

/** The operation's level, one row; version moves with each change (optimistic, like every row). */
export interface AlertLevel {
  scale: AlertScale;
  level: string;
  /** Why it was set (required when a supervisor changes it). */
  reason: string;
  /** Operation time of the last change; null for the level the operation was created with. */
  setAt: string | null;
  setBy: string | null;
  setDesk: string | null;
  version: number;
}

export const BULLETIN_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type BulletinSeverity = (typeof BULLETIN_SEVERITIES)[number];

export interface BulletinAck {
  desk: string;
  operator: string;
  role: string;
  /** The acknowledging liaison's or observer's country; null for host staff. */
  country: string | null;
  at: string;
}

export interface Bulletin {
  id: string;
  title: string;
  body: string;
  severity: BulletinSeverity;
  /** Operation time it is in force from / until (null: until withdrawn). */
  validFrom: string;
  validUntil: string | null;
  marking: Marking;
  /** Minutes after publication by which every desk should have acknowledged. */
  ackWithinMinutes: number;
  publishedAt: string;
  publishedBy: string;
  publishedDesk: string;
  publishedRole: string;
  withdrawnAt: string | null;
  version: number;
  acks: BulletinAck[];
  /** Desks that may see it and have not acknowledged it (the room's known desks, the wall excepted). */
  pending: string[];
}

export const REQUEST_TARGET_KINDS = ['desk', 'role', 'contingent'] as const;
export type RequestTargetKind = (typeof REQUEST_TARGET_KINDS)[number];

export const REQUEST_STATUSES = ['open', 'accepted', 'declined', 'done', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_ANSWERS = ['accept', 'decline', 'done'] as const;
export type RequestAnswer = (typeof REQUEST_ANSWERS)[number];

export interface RequestTarget {
  kind: RequestTargetKind;
  /** A desk's name, a role token, or a contingent's id. */
  value: string;
}

export interface DeskRequest {
  id: string;
  text: string;
  target: RequestTarget;
  /** The target as people read it: "Desk 2", "supervisor", "ES · Policía Nacional". */
  targetLabel: string;
  /** Operation time it is needed by; null: no deadline. */
  byAt: string | null;
  incidentId: string | null;
  incidentReference: string | null;
  venueId: string | null;
  lat: number | null;
  lon: number | null;
  status: RequestStatus;
  /** Why it was declined (required then). */
  reason: string | null;
  createdAt: string;
  fromDesk: string;
  fromOperator: string;
  fromRole: string;
  answeredAt: string | null;
  answeredBy: string | null;
  answeredDesk: string | null;
  doneAt: string | null;
  version: number;
}

/** A desk as requests address it: its name, its operator's role and contingent. */
export interface RequestParty {
  desk: string;
  role: string;
  contingentId?: string | null;
}

const sameDesk = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Addressed to this desk: its name (any case), its operator's role, or its contingent. */
export function requestIsTo(r: Pick<DeskRequest, 'target'>, me: RequestParty): boolean {
  const { kind, value } = r.target;
  if (kind === 'desk') return sameDesk(value, me.desk);
  if (kind === 'role') return value === me.role;
  return !!me.contingentId && value === me.contingentId;
}

/** Sent from this desk. */
export const requestIsFrom = (r: Pick<DeskRequest, 'fromDesk'>, me: Pick<RequestParty, 'desk'>): boolean =>
  sameDesk(r.fromDesk, me.desk);

/** Still waiting on the receiver: open or accepted and not yet done. */
export const requestIsOpen = (r: Pick<DeskRequest, 'status'>) =>
  r.status === 'open' || r.status === 'accepted';

/** Past its "by" time and not answered at all. */
export const requestOverdue = (r: Pick<DeskRequest, 'status' | 'byAt'>, now: number): boolean =>
  r.status === 'open' && r.byAt !== null && Date.parse(r.byAt) < now;

/** Bulletin past its acknowledgement time with desks still pending. */
export const bulletinAckOverdue = (
  b: Pick<Bulletin, 'publishedAt' | 'ackWithinMinutes' | 'pending' | 'withdrawnAt'>,
  now: number,
): boolean =>
  b.withdrawnAt === null &&
  b.pending.length > 0 &&
  Date.parse(b.publishedAt) + b.ackWithinMinutes * 60_000 < now;

/** A desk of the room as its sign-ins record it. */
export interface DeskInfo {
  desk: string;
  /** The last operator signed in there, their role, contingent and country. */
  operator: string;
  role: Role;
  contingentId: string | null;
  country: string | null;
  /** Someone is signed in there now. */
  signedIn: boolean;
  lastSignInAt: string;
}

/** An alert the desk acknowledged (its banner then stays down). */
export interface AlertAck {
  key: string;
  desk: string;
  operator: string;
  at: string;
}
