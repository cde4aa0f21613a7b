// The desktop's open room, if any: while one is open the renderer's calls go to the room server
// (ipc.ts asks `current()`), and the local database waits untouched. Plain Node, so the opening,
// the checks and the forwarding are tested without Electron.
import type { Result } from '../shared/errors.js';
import { parseRoomAddress, type RoomAddress } from '../shared/room-address.js';
import { openRoomClient, type RoomClient } from './room-client.js';
import { callRefusal } from './services/dispatch.js';

export interface RoomSession {
  current(): RoomClient | null;
  /** Checks the inputs, reaches the server (pin included), and only then switches to it. */
  open(input: unknown): Promise<Result<RoomAddress>>;
  /** Back to the local file. */
  leave(): void;
}

/** A renderer call for the open room: validated here as a local call is, then sent. */
export async function forwardCall(room: RoomClient, name: string, input: unknown): Promise<Result<unknown>> {
  const refused = callRefusal(name, input);
  return refused ? { ok: false, error: refused } : room.call(name, input);
}

export function roomSession(): RoomSession {
  let client: RoomClient | null = null;
  return {
    current: () => client,
    async open(input) {
      const o = (input ?? {}) as { url?: unknown; fingerprint?: unknown };
      const parsed = parseRoomAddress({
        url: typeof o.url === 'string' ? o.url : '',
        fingerprint: typeof o.fingerprint === 'string' ? o.fingerprint : '',
      });
      if (!parsed.ok) {
        const [first] = parsed.issues;
        const message = `Open room: ${first?.path}: ${first?.message}`;
        return { ok: false, error: { code: 'invalid_input', message, issues: parsed.issues } };
      }
      const next = openRoomClient(parsed.value);
      // One harmless call proves the server answers and is the pinned one before the desk moves.
      const probe = await next.call('getSession', {});
      if (!probe.ok && probe.error.code === 'internal') {
        next.close();
        return probe;
      }
      client?.close();
      client = next;
      return { ok: true, value: parsed.value };
    },
    leave() {
      client?.close();
      client = null;
    },
  };
}

/** `--room URL --room-fingerprint FP` on the desktop app's command line (both or neither). */
export function roomArgument(argv: readonly string[]): { url: string; fingerprint: string } | null {
  const value = (flag: string): string | undefined => {
    let found: string | undefined;
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] ?? '';
      if (arg === '--') break;
      if (arg === flag) found = argv[++i] ?? '';
      else if (arg.startsWith(`${flag}=`)) found = arg.slice(flag.length + 1);
    }
    return found;
  };
  const url = value('--room');
  const fingerprint = value('--room-fingerprint');
  if (url === undefined && fingerprint === undefined) return null;
  if (!url || !fingerprint) throw new Error('--room URL and --room-fingerprint SHA256 go together');
  return { url, fingerprint };
}
