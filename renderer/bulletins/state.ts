// What the panel and the tab read of a bulletin: in force or ended, and whether this desk still owes
// it an acknowledgement.
import type { Bulletin } from '../../shared/awareness';

/** Withdrawn, or past its end of validity. */
export const bulletinEnded = (b: Bulletin, now: number): boolean =>
  b.withdrawnAt !== null || (b.validUntil !== null && Date.parse(b.validUntil) <= now);

/** In force and waiting on this desk. */
export const owedBy = (b: Bulletin, desk: string | undefined, now: number): boolean =>
  desk !== undefined && !bulletinEnded(b, now) && b.pending.includes(desk);

/** The same desk name, as the server compares them. */
export const sameDesk = (a: string, b: string | undefined): boolean =>
  b !== undefined && a.toLowerCase() === b.toLowerCase();
