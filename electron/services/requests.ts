// Requests between desks: a desk asks another desk, everyone of a role, or a contingent for
// something, by a time, optionally about an incident or a place. The receiver accepts, declines
// with a reason, or reports it done; the sender may cancel it. Each step is one transaction with
// its journal entry, optimistic on `version`.
import type { z } from 'zod';
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import { newId } from './ids.js';
import { mustSeeIncident, releaseScope } from './releasability.js';
import type { answerRequestInput, requestCalls, sendRequestInput } from '../../shared/api/requests.js';
import type { DeskRequest, RequestAnswer, RequestStatus, RequestTarget } from '../../shared/awareness.js';
import { requestIsFrom, requestIsTo } from '../../shared/awareness.js';
import { iso } from '../../shared/clock.js';
import type { Operator } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { HOST_STAFF, isRole, type Role } from '../../shared/roles.js';
import { getContingent, listContingents } from '../store/contingents.js';
import { listDesks } from '../store/desks.js';
import { releasedTo } from '../store/incidents.js';
import {
  answerRequestRow,
  getRequest,
  insertRequest,
  listRequests as listRequestRows,
  type StoredRequest,
} from '../store/requests.js';
import { getVenue } from '../store/venues.js';

/** How far back a closed request is still listed: a watch and its handover. */
export const CLOSED_REQUEST_WINDOW_MS = 12 * 3600_000;

const invalid = (path: string, message: string): ApiError =>
  new ApiError({ code: 'invalid_input', message: `${path}: ${message}`, issues: [{ path, message }] });

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const isHost = (who: Operator) => HOST_STAFF.includes(who.role as Role);

/**
 * The request as this desk may read it. One tied to an incident the desk may not see keeps its
 * text (it was addressed to or sent by the desk) but loses the incident's id and reference.
 */
function readable(ctx: Ctx, desk: Desk, r: StoredRequest): DeskRequest {
  const { incidentMarking, ...request } = r;
  if (!r.incidentId || releasedTo(releaseScope(ctx.db, desk), incidentMarking)) return request;
  return { ...request, incidentId: null, incidentReference: null };
}

export function listRequests(ctx: Ctx, desk: Desk, closed: boolean): DeskRequest[] {
  const who = desk.operator;
  if (!who) return [];
  const since = closed ? iso(ctx.clock.now() - CLOSED_REQUEST_WINDOW_MS) : null;
  return listRequestRows(ctx.db, since)
    .filter((r) => isHost(who) || requestIsTo(r, who) || requestIsFrom(r, who))
    .map((r) => readable(ctx, desk, r));
}

/** The target checked against the room, with a desk's name as the room spells it. */
function checkTarget(ctx: Ctx, target: RequestTarget): RequestTarget {
  const { kind, value } = target;
  if (kind === 'desk') {
    const desks = listDesks(ctx.db);
    const found = desks.find((d) => sameName(d.desk, value));
    if (found) return { kind, value: found.desk };
    const known = desks.map((d) => d.desk).join(', ') || 'none yet';
    throw invalid('target.value', `no desk named ${value} in this room: known desks are ${known}`);
  }
  if (kind === 'role') {
    if (isRole(value) && value !== 'wall') return target;
    throw invalid(
      'target.value',
      `no role ${value}: ask watch_officer, supervisor, liaison or observer (the wall takes no requests)`,
    );
  }
  if (getContingent(ctx.db, value)) return target;
  const known = listContingents(ctx.db)
    .map((c) => c.id)
    .join(', ');
  throw invalid('target.value', `no contingent ${value}: known contingents are ${known || 'none yet'}`);
}

export function sendRequest(ctx: Ctx, desk: Desk, input: z.output<typeof sendRequestInput>): DeskRequest {
  const who = requireOperator(desk);
  const now = ctx.clock.now();
  const target = checkTarget(ctx, input.target);
  const by = input.byAt === undefined ? null : Date.parse(input.byAt);
  if (by !== null && by <= now)
    throw invalid('byAt', `the time it is needed by must be in the future (operation time is ${iso(now)})`);
  if (input.incidentId !== undefined) mustSeeIncident(ctx, desk, input.incidentId);
  if (input.venueId !== undefined && !getVenue(ctx.db, input.venueId))
    throw invalid('venueId', `no venue ${input.venueId}`);
  return ctx.db.transaction(() => {
    const id = newId(ctx.clock);
    insertRequest(ctx.db, {
      id,
      text: input.text.trim(),
      target,
      byAt: by === null ? null : iso(by),
      incidentId: input.incidentId ?? null,
      venueId: input.venueId ?? null,
      lat: input.lat ?? null,
      lon: input.lon ?? null,
      createdAt: iso(now),
      fromDesk: who.desk,
      fromOperator: who.name,
      fromRole: who.role,
    });
    const stored = mustGet(ctx, id);
    journal(ctx, who, {
      action: 'request.sent',
      entityType: 'request',
      entityId: id,
      data: entryData(stored),
    });
    return readable(ctx, desk, stored);
  })();
}

/** What a journal entry keeps of a request (the incident by id only: the journal is filtered per desk). */
const entryData = (r: StoredRequest) => ({
  text: r.text,
  target: r.target,
  byAt: r.byAt,
  incidentId: r.incidentId,
  venueId: r.venueId,
  status: r.status,
  reason: r.reason,
  fromDesk: r.fromDesk,
  answeredBy: r.answeredBy,
  answeredDesk: r.answeredDesk,
  answeredAt: r.answeredAt,
  doneAt: r.doneAt,
  version: r.version,
});

function mustGet(ctx: Ctx, id: string): StoredRequest {
  const r = getRequest(ctx.db, id);
  if (!r) throw new ApiError({ code: 'not_found', message: `Request ${id} does not exist` });
  return r;
}

function stale(ctx: Ctx, desk: Desk, current: StoredRequest, yours: number): ApiError {
  return new ApiError({
    code: 'conflict',
    message: `The request was changed by another desk (version ${current.version}, yours ${yours}); review it and retry.`,
    current: readable(ctx, desk, current),
  });
}

const NEXT: Record<RequestAnswer, { from: RequestStatus[]; to: RequestStatus }> = {
  accept: { from: ['open'], to: 'accepted' },
  decline: { from: ['open', 'accepted'], to: 'declined' },
  done: { from: ['open', 'accepted'], to: 'done' },
};

const PAST: Record<RequestStatus, string> = {
  open: 'reopened',
  accepted: 'accepted',
  declined: 'declined',
  done: 'reported done',
  cancelled: 'cancelled',
};

type Move = { kind: 'answer'; answer: RequestAnswer } | { kind: 'cancel' };

/** Moves the request to its next status under the desk's operator, journaled. */
function move(
  ctx: Ctx,
  desk: Desk,
  input: { id: string; version: number; reason?: string | undefined },
  m: Move,
): DeskRequest {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const before = mustGet(ctx, input.id);
    if (m.kind === 'answer' && !requestIsTo(before, who) && who.role !== 'supervisor')
      throw new ApiError({
        code: 'forbidden',
        message: `Only the desk this request is addressed to (${before.targetLabel}) or a supervisor may answer it.`,
      });
    if (m.kind === 'cancel' && !requestIsFrom(before, who) && who.role !== 'supervisor')
      throw new ApiError({
        code: 'forbidden',
        message: `Only the desk that sent this request (${before.fromDesk}) or a supervisor may cancel it.`,
      });
    if (before.version !== input.version) throw stale(ctx, desk, before, input.version);
    const rule =
      m.kind === 'answer' ? NEXT[m.answer] : { from: ['open', 'accepted'], to: 'cancelled' as const };
    if (!rule.from.includes(before.status))
      throw new ApiError({
        code: 'conflict',
        message: `The request is ${before.status}: only a request that is ${rule.from.join(' or ')} can be ${PAST[rule.to]}.`,
        current: readable(ctx, desk, before),
      });
    const reason = input.reason?.trim() || null;
    if (rule.to === 'declined' && !reason) throw invalid('reason', 'a declined request needs a reason');
    const ok = answerRequestRow(ctx.db, before.id, input.version, {
      status: rule.to,
      reason,
      at: iso(ctx.clock.now()),
      by: who.name,
      desk: who.desk,
    });
    if (!ok) throw stale(ctx, desk, mustGet(ctx, before.id), input.version);
    const after = mustGet(ctx, before.id);
    journal(ctx, who, {
      action: `request.${rule.to}`,
      entityType: 'request',
      entityId: after.id,
      data: entryData(after),
    });
    return readable(ctx, desk, after);
  })();
}

export const answerRequest = (ctx: Ctx, desk: Desk, input: z.output<typeof answerRequestInput>) =>
  move(ctx, desk, input, { kind: 'answer', answer: input.answer });

export const cancelRequest = (
  ctx: Ctx,
  desk: Desk,
  input: z.output<(typeof requestCalls)['cancelRequest']['input']>,
) => move(ctx, desk, input, { kind: 'cancel' });
