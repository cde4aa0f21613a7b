// The room's desks and the alerts each desk has acknowledged (the alert level and bulletins are in
// ./bulletins.ts, requests between desks in ./requests.ts).
import { z } from 'zod';
import { call, line, none } from './call.js';
import type { AlertAck, DeskInfo } from '../awareness.js';

/** An alert's key: what it is about, e.g. `incident:01J…:p1`, `request:01J…`, `alert_level:3`. */
export const alertKey = line(120).regex(/^[a-z_]+:[A-Za-z0-9_:.-]+$/, 'a key such as incident:ID:p1');

export const awarenessCalls = {
  /** The room's desks as their sign-ins record them (who sits where, their role and country). */
  listDesks: call<DeskInfo[]>()(none),
  /** Alerts acknowledged in the last 12 hours of operation time, on every desk (for escalation). */
  listAlertAcks: call<AlertAck[]>()(none),
  /** This desk acknowledges an alert: its banner goes down here. Journaled. */
  acknowledgeAlert: call<AlertAck>()(z.object({ key: alertKey }).strict()),
};
