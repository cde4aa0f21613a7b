// Requests between desks: a desk asks another desk, a role or a contingent for something, by a time,
// optionally about an incident or a place; the receiver accepts, declines with a reason, or
// reports it done.
import { z } from 'zod';
import { call, id, line, version } from './call.js';
import { REQUEST_ANSWERS, REQUEST_TARGET_KINDS, type DeskRequest } from '../awareness.js';

// Bounded: a date-time is at most 35 characters (fractions and offset included); 40 leaves room.
const instant = z.iso.datetime({ offset: true }).max(40);

export const REQUEST_LIMITS = { text: 500, reason: 500 } as const;

export const sendRequestInput = z
  .object({
    text: line(REQUEST_LIMITS.text),
    target: z.object({ kind: z.enum(REQUEST_TARGET_KINDS), value: line(64) }).strict(),
    /** Needed by (operation time, in the future); absent: no deadline. */
    byAt: instant.optional(),
    incidentId: id.optional(),
    venueId: id.optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
  })
  .strict()
  .refine((r) => (r.lat === undefined) === (r.lon === undefined), {
    message: 'give both lat and lon, or neither',
    path: ['lat'],
  });

export const answerRequestInput = z
  .object({ id, version, answer: z.enum(REQUEST_ANSWERS), reason: line(REQUEST_LIMITS.reason).optional() })
  .strict()
  .refine((r) => r.answer !== 'decline' || r.reason !== undefined, {
    message: 'a declined request needs a reason',
    path: ['reason'],
  });

export const requestCalls = {
  /** Requests to and from this desk (its name, its role, its contingent); host staff see them all. */
  listRequests: call<DeskRequest[]>()(z.object({ closed: z.boolean().default(false) }).strict()),
  sendRequest: call<DeskRequest>()(sendRequestInput),
  /** The receiver accepts, declines (with a reason) or reports done. */
  answerRequest: call<DeskRequest>()(answerRequestInput),
  /** The sender withdraws it while it is still open or accepted. */
  cancelRequest: call<DeskRequest>()(
    z.object({ id, version, reason: line(REQUEST_LIMITS.reason).optional() }).strict(),
  ),
};
