// What the browser host asks of the services about a browser's desk: whether it may take the room's
// snapshot (host staff only: the file holds every item), which journal entries its live feed may
// carry, and the journaling of a refused session (a forged or expired cookie is a security event).
import type { JournalEntry, Operator } from '../../shared/domain.js';
import type { Ctx } from './context.js';
import { journal } from './context.js';
import type { Desk } from './desk.js';
import { audienceOf } from './audience.js';
import { hostCountry } from '../store/meta.js';

export interface HostAccess {
  mayMirror(desk: Desk): boolean;
  /** The filter of the desk's live feed. */
  visibleTo(desk: Desk): (e: JournalEntry) => boolean;
  sessionRefused(reason: 'unknown' | 'expired', call: string, address: string): void;
}

/** Entries about people (sign-ins, accounts, refusals) reach only host staff's desks. */
const PERSONAL = new Set(['login', 'operator', 'account', 'call']);

export function hostAccess(ctx: () => Ctx): HostAccess {
  const staff = (desk: Desk) => {
    const role = desk.operator?.role;
    return (
      (role === 'watch_officer' || role === 'supervisor') &&
      audienceOf(desk, hostCountry(ctx().db)).kind === 'host'
    );
  };
  return {
    mayMirror: staff,
    visibleTo: (desk) => {
      if (staff(desk)) return () => true;
      return (e) => !PERSONAL.has(e.entityType);
    },
    sessionRefused: (reason, call, address) => {
      const who: Operator = { id: 'anonymous', name: 'anonymous', role: 'anonymous', desk: address };
      try {
        const c = ctx();
        c.db.transaction(() =>
          journal(c, who, {
            action: 'operator.session_refused',
            entityType: 'session',
            entityId: null,
            data: { reason, call, address },
          }),
        )();
      } catch (err) {
        console.error('[vigie] could not journal a refused session:', err);
      }
    },
  };
}
