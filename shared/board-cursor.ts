// The board's keyset cursor: where a page ended, in the board's own order (priority, then created
// at, then id). Plain text so any client can make one from the last row it holds.
import type { Incident } from './domain.js';

export interface BoardCursor {
  priority: number;
  createdAt: string;
  id: string;
}

/** priority|createdAt|id: a priority 1–4, a non-empty time, a non-empty id. */
export const BOARD_CURSOR = /^([1-4])\|([^|]{1,40})\|([^|]{1,64})$/;

export const boardCursorOf = (i: Pick<Incident, 'priority' | 'createdAt' | 'id'>): string =>
  `${i.priority}|${i.createdAt}|${i.id}`;

/** The cursor's parts; null when the text is not a board cursor. */
export function parseBoardCursor(text: string): BoardCursor | null {
  const m = BOARD_CURSOR.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { priority: Number(m[1]), createdAt: m[2], id: m[3] };
}

/** True when incident `i` comes after the cursor in the board's order. */
export const isAfter = (i: Pick<Incident, 'priority' | 'createdAt' | 'id'>, c: BoardCursor): boolean =>
  i.priority > c.priority ||
  (i.priority === c.priority && (i.createdAt > c.createdAt || (i.createdAt === c.createdAt && i.id > c.id)));
