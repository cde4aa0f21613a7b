// The room's desks and the alerts a desk acknowledges. An alert (a new P1, a request to the desk, a
// bulletin, a change of alert level) is raised on each desk from the data it reads; acknowledging
// it here records who took it, where and when, and brings its banner down on that desk.
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import type { AlertAck, DeskInfo } from '../../shared/awareness.js';
import { iso } from '../../shared/clock.js';
import { findAlertAck, insertAlertAck, listAlertAcks as listAckRows } from '../store/alert-acks.js';
import { listDesks as listDeskRows } from '../store/desks.js';

/** How far back acknowledgements are read: a watch and its handover. */
export const ALERT_ACK_WINDOW_MS = 12 * 3600_000;

/** The room's desks (the wall reads them without operators' names: services/access.ts). */
export const listDesks = (ctx: Ctx): DeskInfo[] => listDeskRows(ctx.db);

export const listAlertAcks = (ctx: Ctx): AlertAck[] =>
  listAckRows(ctx.db, iso(ctx.clock.now() - ALERT_ACK_WINDOW_MS));

/** Records that this desk took the alert. A second acknowledgement answers the first. */
export function acknowledgeAlert(ctx: Ctx, desk: Desk, key: string): AlertAck {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const already = findAlertAck(ctx.db, key, who.desk);
    if (already) return already;
    const ack: AlertAck = { key, desk: who.desk, operator: who.name, at: iso(ctx.clock.now()) };
    insertAlertAck(ctx.db, ack);
    journal(ctx, who, { action: 'alert.acknowledged', entityType: 'alert', entityId: key, data: ack });
    return ack;
  })();
}
