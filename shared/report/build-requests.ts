// Requests between desks still waiting at the window's end: what the incoming officer must chase
// or answer. The most pressing first: by their by-time (none last), then as they were sent.
import { requestOverdue } from '../awareness.js';
import type { OpenRequest } from './model.js';
import type { ReportSource } from './source.js';

export function openRequests(src: ReportSource): OpenRequest[] {
  const end = Date.parse(src.window.to);
  const waiting = (src.requests ?? []).filter(
    (r) => r.createdAt <= src.window.to && (r.status === 'open' || r.status === 'accepted'),
  );
  const key = (r: { byAt: string | null }) => r.byAt ?? '\uffff';
  return waiting
    .sort((a, b) => cmp(key(a), key(b)) || cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id))
    .map((r) => ({
      from: r.fromDesk,
      to: r.targetLabel,
      toKind: r.targetKind,
      text: r.text,
      byAt: r.byAt,
      overdue: requestOverdue(r, end),
      incidentReference: r.incidentReference,
      status: r.status as OpenRequest['status'],
      createdAt: r.createdAt,
    }));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
