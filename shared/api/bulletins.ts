// The operation's national alert level, and bulletins: published by a supervisor or watch officer,
// seen and acknowledged by every desk and contingent they are released to.
import { z } from 'zod';
import { call, id, line, none, version } from './call.js';
import { ALERT_SCALE_NAMES, BULLETIN_SEVERITIES, type AlertLevel, type Bulletin } from '../awareness.js';
import { markingSchema } from '../releasability.js';

// Bounded: a date-time is at most 35 characters (fractions and offset included); 40 leaves room.
const instant = z.iso.datetime({ offset: true }).max(40);

export const setAlertLevelInput = z
  .object({
    /** Absent: the operation's current scale. A scale change needs a level of the new scale. */
    scale: z.enum(ALERT_SCALE_NAMES as [string, ...string[]]).optional(),
    level: line(40),
    reason: line(500),
    /** The level's version as read; 0 while the operation has never set one. */
    version: z.number().int().min(0),
  })
  .strict();

export const BULLETIN_LIMITS = { title: 120, body: 4000, ackWithinMinutes: 1440 } as const;

export const publishBulletinInput = z
  .object({
    title: line(BULLETIN_LIMITS.title),
    body: z.string().trim().min(1).max(BULLETIN_LIMITS.body),
    severity: z.enum(BULLETIN_SEVERITIES),
    /** Absent: from now. */
    validFrom: instant.optional(),
    /** Absent or null: until withdrawn. Must be after validFrom and in the future. */
    validUntil: instant.nullable().optional(),
    /** Absent: releasable to all partners. */
    marking: markingSchema.optional(),
    ackWithinMinutes: z.number().int().min(1).max(BULLETIN_LIMITS.ackWithinMinutes).default(15),
  })
  .strict();

export const bulletinCalls = {
  getAlertLevel: call<AlertLevel>()(none),
  /** A supervisor changes the level (or the scale), with a reason. Journaled; every desk is alerted. */
  setAlertLevel: call<AlertLevel>()(setAlertLevelInput),
  /** Bulletins this desk may see: in force, and those that ended in the last 12 hours with `recent`. */
  listBulletins: call<Bulletin[]>()(z.object({ recent: z.boolean().default(false) }).strict()),
  publishBulletin: call<Bulletin>()(publishBulletinInput),
  /** This desk has read it. Idempotent: a second acknowledgement from the desk changes nothing. */
  acknowledgeBulletin: call<Bulletin>()(z.object({ id }).strict()),
  /** Its publisher or a supervisor takes it out of force, with a reason. */
  withdrawBulletin: call<Bulletin>()(z.object({ id, version, reason: line(500) }).strict()),
};
