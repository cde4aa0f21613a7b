// Requests between desks (table desk_requests). The target's label and the incident's reference
// are read with the row (joins), so a renamed contingent or incident reads right everywhere.
import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { DeskRequest, RequestStatus, RequestTargetKind } from '../../shared/awareness.js';
import { markingOf } from './marking-column.js';
import type { Marking } from '../../shared/releasability.js';

interface Row {
  id: string;
  text: string;
  target_kind: string;
  target_value: string;
  by_at: string | null;
  incident_id: string | null;
  incident_reference: string | null;
  incident_marking: string | null;
  contingent_country: string | null;
  contingent_agency: string | null;
  venue_id: string | null;
  lat: number | null;
  lon: number | null;
  status: string;
  reason: string | null;
  created_at: string;
  from_desk: string;
  from_operator: string;
  from_role: string;
  answered_at: string | null;
  answered_by: string | null;
  answered_desk: string | null;
  done_at: string | null;
  version: number;
}

/** A request as read, with its incident's marking (the service filters by it; never sent). */
export type StoredRequest = DeskRequest & { incidentMarking: Marking };

const SELECT = `SELECT r.*, i.reference AS incident_reference, i.marking AS incident_marking,
    c.country AS contingent_country, c.agency AS contingent_agency
  FROM desk_requests r
  LEFT JOIN incidents i ON i.id = r.incident_id
  LEFT JOIN contingents c ON r.target_kind = 'contingent' AND c.id = r.target_value`;

function label(r: Row): string {
  if (r.target_kind !== 'contingent') return r.target_value;
  return r.contingent_country ? `${r.contingent_country} · ${r.contingent_agency ?? ''}` : r.target_value;
}

const toRequest = (r: Row): StoredRequest => ({
  id: r.id,
  text: r.text,
  target: { kind: r.target_kind as RequestTargetKind, value: r.target_value },
  targetLabel: label(r),
  byAt: r.by_at,
  incidentId: r.incident_id,
  incidentReference: r.incident_reference,
  incidentMarking: r.incident_id ? markingOf(r.incident_marking) : null,
  venueId: r.venue_id,
  lat: r.lat === null ? null : Number(r.lat),
  lon: r.lon === null ? null : Number(r.lon),
  status: r.status as RequestStatus,
  reason: r.reason,
  createdAt: r.created_at,
  fromDesk: r.from_desk,
  fromOperator: r.from_operator,
  fromRole: r.from_role,
  answeredAt: r.answered_at,
  answeredBy: r.answered_by,
  answeredDesk: r.answered_desk,
  doneAt: r.done_at,
  version: Number(r.version),
});

export type NewRequest = Pick<
  DeskRequest,
  | 'id'
  | 'text'
  | 'target'
  | 'byAt'
  | 'incidentId'
  | 'venueId'
  | 'lat'
  | 'lon'
  | 'createdAt'
  | 'fromDesk'
  | 'fromOperator'
  | 'fromRole'
>;

export function insertRequest(db: Db, r: NewRequest): void {
  db.prepare(
    `INSERT INTO desk_requests (id, text, target_kind, target_value, by_at, incident_id, venue_id, lat, lon,
       status, created_at, from_desk, from_operator, from_role)
     VALUES (@id, @text, @kind, @value, @byAt, @incidentId, @venueId, @lat, @lon, 'open', @createdAt,
       @fromDesk, @fromOperator, @fromRole)`,
  ).run({
    id: r.id,
    text: r.text,
    kind: r.target.kind,
    value: r.target.value,
    byAt: r.byAt,
    incidentId: r.incidentId,
    venueId: r.venueId,
    lat: r.lat,
    lon: r.lon,
    createdAt: r.createdAt,
    fromDesk: r.fromDesk,
    fromOperator: r.fromOperator,
    fromRole: r.fromRole,
  });
  touch(db, 'desk_requests', r.id);
}

export function getRequest(db: Db, id: string): StoredRequest | null {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined;
  return row ? toRequest(row) : null;
}

/**
 * Open and accepted requests, and (with `closedSince`) those answered or cancelled since then;
 * newest first.
 */
export function listRequests(db: Db, closedSince: string | null): StoredRequest[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE r.status IN ('open', 'accepted')
         OR (CAST(@since AS text) IS NOT NULL AND coalesce(r.done_at, r.answered_at, r.created_at) >= CAST(@since AS text))
       ORDER BY r.created_at DESC, r.id DESC`,
    )
    .all({ since: closedSince }) as Row[];
  return rows.map(toRequest);
}

export interface RequestAnswerRow {
  status: RequestStatus;
  reason: string | null;
  at: string;
  by: string;
  desk: string;
}

/**
 * Optimistic update of the request's status and who moved it: false when the row is missing or its
 * version moved on. 'done' also stamps done_at.
 */
export function answerRequestRow(db: Db, id: string, expectedVersion: number, a: RequestAnswerRow): boolean {
  const r = db
    .prepare(
      `UPDATE desk_requests SET status = @status, reason = coalesce(CAST(@reason AS text), reason),
         answered_at = @at, answered_by = @by, answered_desk = @desk,
         done_at = CASE WHEN CAST(@status AS text) = 'done' THEN CAST(@at AS text) ELSE done_at END, version = version + 1
       WHERE id = @id AND version = @expectedVersion`,
    )
    .run({ id, expectedVersion, status: a.status, reason: a.reason, at: a.at, by: a.by, desk: a.desk });
  touch(db, 'desk_requests', id);
  return r.changes === 1;
}

/** Every request created by `to`, with its status then (from its journal entries up to `to`). */
export function requestsAsOf(db: Db, to: string): StoredRequest[] {
  const rows = db.prepare(`${SELECT} WHERE r.created_at <= ? ORDER BY r.created_at, r.id`).all(to) as Row[];
  const steps = db
    .prepare(`SELECT entity_id, action FROM journal WHERE entity_type = 'request' AND at <= ? ORDER BY seq`)
    .all(to) as { entity_id: string; action: string }[];
  const last = new Map<string, string>();
  for (const s of steps) last.set(s.entity_id, s.action);
  return rows.map(toRequest).map((r) => {
    const action = last.get(r.id);
    const status = (action?.startsWith('request.') ? action.slice(8) : 'open') as RequestStatus | 'sent';
    return { ...r, status: status === 'sent' ? 'open' : status };
  });
}

/** Requests asked in [from, to), as they are now (the after-action report). */
export function requestsCreatedIn(db: Db, from: string, to: string): StoredRequest[] {
  const rows = db
    .prepare(`${SELECT} WHERE r.created_at >= ? AND r.created_at < ? ORDER BY r.created_at, r.id`)
    .all(from, to) as Row[];
  return rows.map(toRequest);
}
