// Bulletins: a supervisor or watch officer publishes one to the room; every desk it is released to
// acknowledges it once. A desk that may not see a bulletin is answered as if it did not exist.
import type { z } from 'zod';
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import { audienceOf } from './audience.js';
import { checkOwnMarking, releaseScope } from './releasability.js';
import type { publishBulletinInput } from '../../shared/api/bulletins.js';
import type { Bulletin, DeskInfo } from '../../shared/awareness.js';
import { iso } from '../../shared/clock.js';
import { ApiError } from '../../shared/errors.js';
import type { SourceBulletin } from '../../shared/report/source.js';
import type { Db } from '../store/db.js';
import {
  getBulletin,
  insertBulletin,
  insertBulletinAck,
  listBulletinAcks,
  listBulletinRows,
  listBulletinsForWindow,
  withdrawBulletinRow,
  type BulletinRow,
} from '../store/bulletins.js';
import { getContingent } from '../store/contingents.js';
import { listDesks } from '../store/desks.js';
import { releasedTo } from '../store/incidents.js';
import { hostCountry } from '../store/meta.js';
import { newId } from './ids.js';

/** How long an ended bulletin stays on the list with `recent`. */
export const RECENT_BULLETIN_MS = 12 * 3600_000;

const invalid = (field: string, message: string) =>
  new ApiError({
    code: 'invalid_input',
    message: `${field}: ${message}`,
    issues: [{ path: field, message }],
  });

const missing = (id: string) => new ApiError({ code: 'not_found', message: `Bulletin ${id} does not exist` });

/** Whether a desk of the room may see a marking: host staff always, a partner if released to it. */
function deskSees(db: Db, d: DeskInfo, host: string, marking: Bulletin['marking']): boolean {
  if (d.role !== 'liaison' && d.role !== 'observer') return true;
  // A liaison reads for their contingent's country (listDesks gives only an account's own country).
  const country = d.country ?? (d.contingentId ? (getContingent(db, d.contingentId)?.country ?? null) : null);
  return country === null || country === host || releasedTo({ country }, marking);
}

/** The bulletin with its acknowledgements and the desks still to acknowledge it. */
export function withAcks(db: Db, b: BulletinRow, desks: DeskInfo[] = listDesks(db)): Bulletin {
  const { withdrawnReason: _r, ...rest } = b;
  const acks = listBulletinAcks(db, b.id);
  const acked = new Set(acks.map((a) => a.desk));
  const host = hostCountry(db);
  // The publishing desk wrote it: it has nothing to acknowledge. A desk nobody sits at cannot: it
  // is counted again when someone signs in there.
  const pending = desks
    .filter((d) => d.signedIn && d.role !== 'wall' && d.desk !== b.publishedDesk && !acked.has(d.desk))
    .filter((d) => deskSees(db, d, host, b.marking))
    .map((d) => d.desk)
    .sort();
  return { ...rest, acks, pending };
}

function mustSee(ctx: Ctx, desk: Desk, id: string): BulletinRow {
  const b = getBulletin(ctx.db, id);
  if (!b || !releasedTo(releaseScope(ctx.db, desk), b.marking)) throw missing(id);
  return b;
}

export function listBulletins(ctx: Ctx, desk: Desk, recent: boolean): Bulletin[] {
  const now = ctx.clock.now();
  const rows = listBulletinRows(ctx.db, {
    now: iso(now),
    endedSince: recent ? iso(now - RECENT_BULLETIN_MS) : null,
    release: releaseScope(ctx.db, desk),
  });
  const desks = listDesks(ctx.db);
  return rows.map((b) => withAcks(ctx.db, b, desks));
}

export function publishBulletin(
  ctx: Ctx,
  desk: Desk,
  input: z.output<typeof publishBulletinInput>,
): Bulletin {
  const who = requireOperator(desk);
  const marking = checkOwnMarking(ctx, desk, input.marking) ?? null;
  const now = ctx.clock.now();
  const from = input.validFrom ? Date.parse(input.validFrom) : now;
  let until: number | null = null;
  if (input.validUntil) {
    until = Date.parse(input.validUntil);
    if (until <= from) throw invalid('validUntil', 'must be after the start of validity (validFrom)');
    if (until <= now) throw invalid('validUntil', 'must be in the future');
  }
  return ctx.db.transaction(() => {
    const id = newId(ctx.clock);
    insertBulletin(ctx.db, {
      id,
      title: input.title,
      body: input.body,
      severity: input.severity,
      validFrom: iso(from),
      validUntil: until === null ? null : iso(until),
      marking,
      ackWithinMinutes: input.ackWithinMinutes,
      publishedAt: iso(now),
      publishedBy: who.name,
      publishedDesk: who.desk,
      publishedRole: who.role,
    });
    const b = withAcks(ctx.db, mustSee(ctx, desk, id));
    const { acks: _a, pending: _p, ...data } = b;
    journal(ctx, who, { action: 'bulletin.published', entityType: 'bulletin', entityId: id, data });
    return b;
  })();
}

export function acknowledgeBulletin(ctx: Ctx, desk: Desk, id: string): Bulletin {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const b = mustSee(ctx, desk, id);
    const audience = audienceOf(desk, hostCountry(ctx.db));
    const ack = {
      desk: who.desk,
      operator: who.name,
      role: who.role,
      country: audience.kind === 'partner' ? audience.country : null,
      at: iso(ctx.clock.now()),
    };
    // A second acknowledgement from the desk answers the first: nothing written, nothing journaled.
    if (insertBulletinAck(ctx.db, b.id, ack))
      journal(ctx, who, {
        action: 'bulletin.acknowledged',
        entityType: 'bulletin',
        entityId: b.id,
        data: { title: b.title, ...ack },
      });
    return withAcks(ctx.db, b);
  })();
}

export function withdrawBulletin(
  ctx: Ctx,
  desk: Desk,
  input: { id: string; version: number; reason: string },
): Bulletin {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const b = mustSee(ctx, desk, input.id);
    if (who.desk !== b.publishedDesk && who.role !== 'supervisor')
      throw new ApiError({
        code: 'forbidden',
        message: `Only the desk that published a bulletin (${b.publishedDesk}) or a supervisor may withdraw it.`,
      });
    const current = () => withAcks(ctx.db, b);
    if (b.withdrawnAt !== null)
      throw new ApiError({
        code: 'conflict',
        message: `Bulletin "${b.title}" is already withdrawn.`,
        current: current(),
      });
    if (
      b.version !== input.version ||
      !withdrawBulletinRow(ctx.db, b.id, input.version, iso(ctx.clock.now()), input.reason)
    )
      throw new ApiError({
        code: 'conflict',
        message: `Bulletin "${b.title}" was changed by another desk (version ${b.version}, yours ${input.version}); review it and retry.`,
        current: current(),
      });
    journal(ctx, who, {
      action: 'bulletin.withdrawn',
      entityType: 'bulletin',
      entityId: b.id,
      data: { title: b.title, reason: input.reason },
    });
    return withAcks(ctx.db, mustSee(ctx, desk, b.id));
  })();
}

/** The report's bulletins: published in the window or in force at its end, acks as of its end. */
export function bulletinsForReport(db: Db, from: string, to: string): SourceBulletin[] {
  const desks = listDesks(db);
  return listBulletinsForWindow(db, from, to).map((row) => {
    const b = withAcks(db, row, desks);
    // An acknowledgement after the window's end was still pending then.
    const acked = b.acks.filter((a) => a.at <= to).map((a) => a.desk);
    const later = b.acks.filter((a) => a.at > to).map((a) => a.desk);
    return {
      id: b.id,
      title: b.title,
      severity: b.severity,
      publishedAt: b.publishedAt,
      publishedBy: b.publishedBy,
      publishedDesk: b.publishedDesk,
      validUntil: b.validUntil,
      withdrawnAt: b.withdrawnAt !== null && b.withdrawnAt <= to ? b.withdrawnAt : null,
      marking: b.marking,
      acked: acked.sort(),
      pending: [...b.pending, ...later].sort(),
    };
  });
}
