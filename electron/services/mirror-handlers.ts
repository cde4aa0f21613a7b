// The contract over a desk's local copy of a room (room-mirror.ts) while the room is unreachable:
// reads answer from the copy, opened read-only; every other call is refused with a message that
// says since when and how old the copy is. Nothing is queued: a change made offline would be
// replayed later onto a picture that moved meanwhile, which an officer must decide, not a queue.
import type { Db } from '../store/db.js';
import { openDatabase } from '../store/db.js';
import { getOperation } from '../store/meta.js';
import { clockFor, realTime } from '../../shared/clock.js';
import { ApiError } from '../../shared/errors.js';
import type { Operator } from '../../shared/domain.js';
import { CALL_NAMES } from '../../shared/call-names.js';
import type { CallName } from '../../shared/api.js';
import { formatClock } from '../../shared/time-format.js';
import { createHandlers } from './handlers.js';
import { checkChain } from './session.js';
import type { Handlers } from './dispatch.js';
import type { Desk } from './desk.js';
import type { Ctx } from './context.js';
import { operatorOf, verifyPassphrase } from './sign-in.js';
import { newId } from './ids.js';

/**
 * Calls that only read. A call left out is refused offline, so a new call of the contract is safe
 * by default. previewHandover builds a report without storing it; exportHandover re-renders one
 * already acknowledged; exportAfterAction computes its report and stores nothing.
 */
export const READ_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'getSession',
  'listContingents',
  'listUnits',
  'listVenues',
  'listRoutes',
  'listZones',
  'exportZones',
  'getBasemap',
  'getParade',
  'listIncidents',
  'listIncidentPage',
  'listIncidentPoints',
  'getIncident',
  'getContingent',
  'listUnitPositions',
  'nearestUnits',
  'suggestUnits',
  'getSettings',
  'listJournal',
  'verify',
  'suggestHandoverWindow',
  'previewHandover',
  'listHandovers',
  'exportHandover',
  'exportAfterAction',
  'listBackups',
  'replayRange',
  'replayAt',
]);

export interface MirrorHandlersOptions {
  /** The mirror file (it must exist). */
  file: string;
  /** When the room was lost, and when the copy was last known to be the room's (epoch ms). */
  lostAt: number;
  copyAt: number;
  /**
   * The operator the room knew for this desk: reads that need one (the handover preview) run as
   * them, since signing in here would be a write.
   */
  operator: () => Operator | null;
}

export interface MirrorHandlers {
  handlers: Handlers;
  /** The refusal every write gets. */
  refusal: string;
  close(): void;
}

type SignInInput = { login: string; passphrase: string; desk: string };

/**
 * A sign-in to read the copy while the room is away: the passphrase is checked against the copy's
 * accounts and the desk remembers who it is, but nothing is written (the copy is read-only, and
 * the room's journal cannot hear of it); the room asks again when it is back.
 */
function signInOffline(ctx: Ctx, desk: Desk, input: SignInInput): Operator {
  const account = verifyPassphrase(ctx, input.login, input.passphrase);
  const operator = operatorOf(account, newId(ctx.clock), input.desk);
  desk.operator = operator;
  desk.lockedAt = null;
  return operator;
}

export function openMirrorHandlers(o: MirrorHandlersOptions): MirrorHandlers {
  const db: Db = openDatabase(o.file, { readonly: true, mustExist: true });
  try {
    const op = getOperation(db);
    const ctx = { db, clock: op ? clockFor(op, realTime) : realTime, real: realTime };
    const all = createHandlers(ctx, checkChain(ctx));
    const zone = op?.timezone ?? 'UTC';
    const hhmm = (ms: number) => formatClock(ms, zone, false);
    const refusal =
      `The room is unreachable since ${hhmm(o.lostAt)}: this desk shows its local copy of ` +
      `${hhmm(o.copyAt)}, read-only; the change was not made.`;
    const asRoomDesk = (desk: Desk): Desk => ({ operator: desk.operator ?? o.operator(), lockedAt: null });
    const handlers = Object.fromEntries(
      CALL_NAMES.map((name) => {
        const read = all[name] as (input: unknown, desk: Desk) => unknown;
        const handler =
          name === 'signIn'
            ? (input: unknown, desk: Desk) => signInOffline(ctx, desk, input as SignInInput)
            : READ_CALLS.has(name)
              ? (input: unknown, desk: Desk) => read(input, asRoomDesk(desk))
              : () => {
                  throw new ApiError({ code: 'forbidden', message: refusal });
                };
        return [name, handler];
      }),
    ) as unknown as Handlers;
    return { handlers, refusal, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}
