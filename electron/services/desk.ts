// A desk is one console seat: the window in Electron, or the browser host's page. It carries the
// signed-in operator so that every journal entry can name who and where.
import type { Operator } from '../../shared/domain.js';

export interface Desk {
  operator: Operator | null;
}

export const createDesk = (): Desk => ({ operator: null });
