// Where a desk's call goes while it is in a room: to the room server while it answers, to the
// desk's own copy (services/mirror-handlers.ts) while it does not. getSession says which, and how
// old the copy is, so the console can show it. Plain Node, tested with a real room server.
import type { Operator } from '../shared/domain.js';
import type { Result } from '../shared/errors.js';
import type { RoomLinkView } from '../shared/api/session.js';
import { isUnreachable, type RoomClient } from './room-client.js';
import type { Mirror } from './room-mirror.js';
import { callRefusal, dispatch } from './services/dispatch.js';
import { openMirrorHandlers, READ_CALLS, type MirrorHandlers } from './services/mirror-handlers.js';
import { createDesk } from './services/desk.js';
import { isCallName } from '../shared/api.js';

export interface RoomLink {
  call(name: string, input: unknown): Promise<Result<unknown>>;
}

/** Calls whose answer names the desk's operator (a SessionView, or the Operator itself). */
const SESSION_CALLS = new Set(['getSession', 'lockSession', 'unlockSession', 'setIdleLock']);

const unreachable = (r: Result<unknown>) =>
  !r.ok && r.error.code === 'internal' && isUnreachable(r.error.message);

export function mirrorLink(client: RoomClient, mirror: Mirror | null): RoomLink & { close(): void } {
  // The operator the room knows for this desk, kept for reads of the copy that need one.
  let operator: Operator | null = null;
  let offline: { key: string; open: MirrorHandlers } | null = null;
  const desk = createDesk();

  const closeOffline = () => {
    offline?.open.close();
    offline = null;
  };

  const view = (): RoomLinkView => {
    const s = mirror?.state();
    return {
      connected: s?.connected ?? true,
      copyAt: s?.refreshedAt ?? null,
      lostSince: s?.lostSince ?? null,
    };
  };

  /** The copy's handlers, opened for this stretch of unreachability; null without a copy. */
  const copy = (): MirrorHandlers | null => {
    const s = mirror?.state();
    if (!s?.head || !s.refreshedAt) return null;
    const lostAt = s.lostSince ? Date.parse(s.lostSince) : Date.now();
    const key = `${s.refreshedAt}|${lostAt}`;
    if (offline?.key !== key) {
      closeOffline();
      const open = openMirrorHandlers({
        file: s.file,
        lostAt,
        copyAt: Date.parse(s.refreshedAt),
        operator: () => operator,
      });
      offline = { key, open };
    }
    return offline.open;
  };

  const withRoom = (name: string, r: Result<unknown>): Result<unknown> => {
    // The room no longer knows this desk's session (ended, or expired): nobody is signed in.
    if (!r.ok && r.error.code === 'unauthorized') operator = null;
    if (!r.ok || !isCallName(name)) return r;
    if (name === 'signIn') operator = r.value as Operator;
    if (!SESSION_CALLS.has(name)) return r;
    const v = r.value as { operator?: Operator | null };
    operator = v.operator ?? null;
    return { ok: true, value: { ...v, room: view() } };
  };

  const fromCopy = (name: string, input: unknown): Result<unknown> | null => {
    const handlers = copy();
    return handlers ? withRoom(name, dispatch(handlers.handlers, name, input, desk)) : null;
  };

  return {
    async call(name, input) {
      const refused = callRefusal(name, input);
      if (refused) return { ok: false, error: refused };
      if (mirror && !mirror.state().connected) {
        const answer = fromCopy(name, input);
        if (answer) return answer;
      } else closeOffline();
      const r = await client.call(name, input);
      // The incoming officer now holds the desk; the answer names the handover, the session them.
      if (name === 'acknowledgeHandover' && r.ok) {
        const s = await client.call('getSession', {});
        if (s.ok) operator = (s.value as { operator: Operator | null }).operator;
      }
      if (!mirror || !unreachable(r) || !isCallName(name)) return withRoom(name, r);
      mirror.unreachable(new Error(r.ok ? '' : r.error.message));
      // A read is answered from the copy. A write that failed in transit keeps the room's error:
      // it may or may not have been made, and only the room can say.
      return READ_CALLS.has(name) ? (fromCopy(name, input) ?? r) : r;
    },
    close() {
      closeOffline();
      mirror?.close();
    },
  };
}
