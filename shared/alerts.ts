// The alerts that must reach the officer at a desk, derived from what the desk reads: a new P1, a P1
// past its deadline (and, on a supervisor's desk, one nobody has taken for 2 minutes), a request
// to this desk and the answer to one it sent, a bulletin to acknowledge, a change of the national
// alert level. Pure: the same data and time give the same alerts on every desk, so a desk that
// reloads shows what it showed, and each alert stays up until this desk acknowledges its key.
import type { AlertAck, AlertLevel, Bulletin, DeskRequest } from './awareness.js';
import { requestIsFrom, requestIsTo, requestOverdue, SEED_DESK } from './awareness.js';

export { requestIsTo } from './awareness.js';
import type { Incident } from './domain.js';

/** What an incident's alerts look at. */
export type AlertIncident = Pick<
  Incident,
  'id' | 'reference' | 'title' | 'category' | 'priority' | 'status' | 'createdAt'
>;
import { overdue, type OverdueThresholds } from './overdue.js';

export const ALERT_KINDS = [
  'p1_new',
  'p1_overdue',
  'p1_escalated',
  'request',
  'request_answer',
  'bulletin',
  'alert_level',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** 'p1' always sounds (the desk's mute does not silence it); 'notice' sounds unless muted; 'info' never. */
export type AlertTone = 'p1' | 'notice' | 'info';

export interface Alert {
  key: string;
  kind: AlertKind;
  tone: AlertTone;
  /** Operation time the alert arose (ISO); the banner shows its age. */
  at: string;
  /** What it is about, for the banner's link. */
  incidentId?: string;
  requestId?: string;
  bulletinId?: string;
  /** Words for the banner (translated by the renderer from the kind). */
  subject: string;
  detail: string;
}

export interface AlertDesk {
  desk: string;
  role: string;
  contingentId: string | null;
}

export interface AlertInput {
  me: AlertDesk;
  /** Open P1 incidents this desk may see (their points are enough: shared/incident-points.ts). */
  priorityOne: readonly AlertIncident[];
  requests: readonly DeskRequest[];
  bulletins: readonly Bulletin[];
  alertLevel: AlertLevel | null;
  /** Acknowledgements on every desk (escalation needs to know that nobody took an alert). */
  acks: readonly AlertAck[];
  now: number;
  thresholds: OverdueThresholds;
  /** How far back an alert still rings when never acknowledged. */
  windowMs?: number;
}

/** Minutes an overdue P1 may stay unacknowledged on every desk before supervisors are called. */
export const ESCALATE_AFTER_MS = 2 * 60_000;
const WINDOW_MS = 12 * 3600_000;
const FINISHED = new Set(['resolved', 'closed', 'cancelled']);

const iso = (ms: number) => new Date(ms).toISOString();

/** When a P1 crossed each deadline it has missed (overdue() itself says which one applies now). */
function overdueSince(
  i: AlertIncident,
  phase: 'acknowledge' | 'on_scene',
  t: OverdueThresholds,
): number | null {
  const minutes = phase === 'acknowledge' ? t.acknowledgeMinutes[i.priority] : t.onSceneMinutes[i.priority];
  return minutes === null ? null : Date.parse(i.createdAt) + minutes * 60_000;
}

function incidentAlerts(
  input: AlertInput,
  acked: (key: string) => boolean,
  ackedAnywhere: (key: string) => boolean,
) {
  const out: Alert[] = [];
  const { now, me, thresholds } = input;
  const since = now - (input.windowMs ?? WINDOW_MS);
  for (const i of input.priorityOne) {
    if (i.priority !== 1 || FINISHED.has(i.status) || Date.parse(i.createdAt) < since) continue;
    const subject = `${i.reference} · ${i.title}`;
    const newKey = `incident:${i.id}:p1`;
    if (i.status === 'new' && !acked(newKey))
      out.push({
        key: newKey,
        kind: 'p1_new',
        tone: 'p1',
        at: i.createdAt,
        incidentId: i.id,
        subject,
        detail: i.category,
      });
    const late = overdue(i, now, thresholds);
    if (!late) continue;
    const from = overdueSince(i, late, thresholds) ?? Date.parse(i.createdAt);
    const lateKey = `incident:${i.id}:overdue:${late}`;
    if (!acked(lateKey))
      out.push({
        key: lateKey,
        kind: 'p1_overdue',
        tone: 'p1',
        at: iso(from),
        incidentId: i.id,
        subject,
        detail: late,
      });
    // Escalation: nobody, on any desk, has taken the overdue alert within 2 minutes.
    const escalateAt = from + ESCALATE_AFTER_MS;
    const escKey = `incident:${i.id}:escalated:${late}`;
    if (me.role === 'supervisor' && now >= escalateAt && !ackedAnywhere(lateKey) && !acked(escKey))
      out.push({
        key: escKey,
        kind: 'p1_escalated',
        tone: 'p1',
        at: iso(escalateAt),
        incidentId: i.id,
        subject,
        detail: late,
      });
  }
  return out;
}

function requestAlerts(input: AlertInput, acked: (key: string) => boolean) {
  const out: Alert[] = [];
  const { me, now } = input;
  for (const r of input.requests) {
    const subject = r.text;
    if (r.status === 'open' && requestIsTo(r, me) && !requestIsFrom(r, me)) {
      const key = `request:${r.id}`;
      if (!acked(key))
        out.push({
          key,
          kind: 'request',
          tone: 'notice',
          at: r.createdAt,
          requestId: r.id,
          subject,
          detail: requestOverdue(r, now) ? 'overdue' : r.fromDesk,
        });
    }
    // The sender hears the answer: accepted, declined (with its reason) or done.
    if (
      r.fromDesk === me.desk &&
      r.answeredAt &&
      (r.status === 'accepted' || r.status === 'declined' || r.status === 'done')
    ) {
      const key = `request:${r.id}:${r.status}`;
      if (!acked(key))
        out.push({
          key,
          kind: 'request_answer',
          tone: r.status === 'declined' ? 'notice' : 'info',
          at: r.doneAt ?? r.answeredAt,
          requestId: r.id,
          subject,
          detail: r.status,
        });
    }
  }
  return out;
}

/** Every alert up on this desk, most urgent first (P1, then notices, then information), oldest first. */
export function deriveAlerts(input: AlertInput): Alert[] {
  const mine = new Set(input.acks.filter((a) => a.desk === input.me.desk).map((a) => a.key));
  const anywhere = new Set(input.acks.map((a) => a.key));
  const acked = (key: string) => mine.has(key);
  const out = [...incidentAlerts(input, acked, (k) => anywhere.has(k)), ...requestAlerts(input, acked)];
  const since = input.now - (input.windowMs ?? WINDOW_MS);
  for (const b of input.bulletins) {
    // A bulletin's own acknowledgement is the alert's: the banner goes when the desk acknowledges it.
    if (b.withdrawnAt || b.acks.some((a) => a.desk === input.me.desk) || Date.parse(b.publishedAt) < since)
      continue;
    if (b.publishedDesk === input.me.desk) continue;
    out.push({
      key: `bulletin:${b.id}`,
      kind: 'bulletin',
      tone: b.severity === 'info' ? 'info' : 'notice',
      at: b.publishedAt,
      bulletinId: b.id,
      subject: b.title,
      detail: b.severity,
    });
  }
  const level = input.alertLevel;
  const setAt = level?.setAt ?? null;
  // The level the operation was created with is no change: nobody needs alerting to it.
  const changed = level && level.setDesk !== SEED_DESK && level.setDesk !== input.me.desk;
  if (level && changed && setAt && Date.parse(setAt) >= since) {
    const key = `alert_level:${level.version}`;
    if (!acked(key))
      out.push({
        key,
        kind: 'alert_level',
        tone: 'notice',
        at: setAt,
        subject: level.level,
        detail: level.reason,
      });
  }
  const rank: Record<AlertTone, number> = { p1: 0, notice: 1, info: 2 };
  return out.sort(
    (a, b) => rank[a.tone] - rank[b.tone] || a.at.localeCompare(b.at) || a.key.localeCompare(b.key),
  );
}
