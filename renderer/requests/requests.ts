// Which requests concern this desk, and the by-time typed as HH:MM in the operation's time zone.
import type { DeskRequest } from '../../shared/awareness';
import { requestIsFrom, requestIsOpen, requestIsTo } from '../../shared/awareness';
import type { Operator } from '../../shared/domain';
import { fromWall, toWall } from '../handover/zone-time';

type Me = Pick<Operator, 'desk' | 'role' | 'contingentId'>;

/** Addressed to this desk, as the service decides (shared/awareness.ts). */
export const isToMe = (me: Me, r: DeskRequest): boolean => requestIsTo(r, me);

export const isFromMe = (me: Me, r: DeskRequest): boolean => requestIsFrom(r, me);

/** Open requests to this desk: the tab's count. */
export const openToMe = (me: Me | null | undefined, requests: readonly DeskRequest[]): number =>
  me ? requests.filter((r) => requestIsOpen(r) && isToMe(me, r)).length : 0;

export interface RequestGroups {
  toMe: DeskRequest[];
  fromMe: DeskRequest[];
  others: DeskRequest[];
}

/** Still-open requests first (the most pressing by-time first), then the closed ones, newest first. */
function ordered(list: DeskRequest[]): DeskRequest[] {
  const by = (r: DeskRequest) => r.byAt ?? '\uffff';
  return [...list].sort((a, b) => {
    const open = Number(requestIsOpen(b)) - Number(requestIsOpen(a));
    if (open) return open;
    if (requestIsOpen(a)) return by(a).localeCompare(by(b)) || b.createdAt.localeCompare(a.createdAt);
    return b.createdAt.localeCompare(a.createdAt);
  });
}

export function groupRequests(me: Me, requests: readonly DeskRequest[]): RequestGroups {
  const toMe: DeskRequest[] = [];
  const fromMe: DeskRequest[] = [];
  const others: DeskRequest[] = [];
  for (const r of requests) {
    if (isToMe(me, r)) toMe.push(r);
    else if (isFromMe(me, r)) fromMe.push(r);
    else others.push(r);
  }
  return { toMe: ordered(toMe), fromMe: ordered(fromMe), others: ordered(others) };
}

export const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * "19:15" as the next such time on the operation clock (today in the operation's zone, or
 * tomorrow when that is already past), as an ISO instant; null when it does not parse.
 */
export function byTimeIso(hhmm: string, now: number, timeZone: string): string | null {
  if (!HHMM.test(hhmm)) return null;
  const today = toWall(now, timeZone).slice(0, 10);
  const at = fromWall(`${today}T${hhmm}`, timeZone);
  if (at === null) return null;
  if (Date.parse(at) > now) return at;
  const tomorrow = toWall(now + 86_400_000, timeZone).slice(0, 10);
  return fromWall(`${tomorrow}T${hhmm}`, timeZone);
}

/** Whole minutes left until the by-time (negative once past). */
export const minutesLeft = (byAt: string, now: number): number =>
  Math.floor((Date.parse(byAt) - now) / 60_000);
