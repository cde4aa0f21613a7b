// A service context for tools that open the database without the console (CLI export, report):
// the operation's own clock (the exercise clock if it has started), never a guess.
import type { Db } from '../store/db.js';
import { getOperation } from '../store/meta.js';
import { clockFor, realTime, type Clock } from '../../shared/clock.js';
import type { Ctx } from './context.js';

export function offlineContext(db: Db, real: Clock = realTime): Ctx {
  const op = getOperation(db);
  return { db, clock: op ? clockFor(op, real) : real, real };
}
