// A desk is one console seat: the window in Electron, or the browser host's page. It carries the
// signed-in operator so that every journal entry can name who and where, and whether the seat is
// locked (session lock: writes refused until the operator resumes).
import type { Operator } from '../../shared/domain.js';

export interface Desk {
  operator: Operator | null;
  /** Operation time the desk was locked, or null while it is open. */
  lockedAt: string | null;
}

export const createDesk = (): Desk => ({ operator: null, lockedAt: null });
