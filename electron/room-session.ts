// The desktop's open room, if any: while one is open the renderer's calls go to the room server
// (ipc.ts asks `link()`), and the local database waits untouched. With a mirror folder, the desk
// keeps its own copy of the room (room-mirror.ts) and, while the room is unreachable, answers
// reads from it and refuses writes (mirror-link.ts). Plain Node, so the opening, the checks and
// the forwarding are tested without Electron.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../shared/errors.js';
import type { RoomAddress } from '../shared/room-address.js';
import { openRoomClient, type RoomClient } from './room-client.js';
import { parseAddressInput, probeRoom } from './room-probe.js';
import { callRefusal } from './services/dispatch.js';
import { mirrorName, startMirror, type Mirror, type MirrorState } from './room-mirror.js';
import { mirrorLink, type RoomLink } from './mirror-link.js';

export interface RoomSessionOptions {
  /** Where the desk keeps its copies of rooms (absent: no copy, calls fail while unreachable). */
  mirrorDir?: string;
  onMirrorError?: (err: Error) => void;
}

export interface RoomSession {
  current(): RoomClient | null;
  /** The open room's operation name, as it answered when opened (null: no room, or opened on its copy). */
  operationName(): string | null;
  /** The open room's calls: to the server, or to the desk's copy while it is unreachable. */
  link(): RoomLink | null;
  /** The desk's copy of the open room (null: no room, or no mirror folder). */
  mirror(): MirrorState | null;
  /**
   * Checks the inputs, reaches the server (pin included), and only then switches to it; a room that
   * does not answer opens on the desk's copy of it when there is one.
   */
  open(input: unknown): Promise<Result<RoomAddress>>;
  /** Back to the local file. */
  leave(): void;
}

/** A renderer call for the open room: validated here as a local call is, then sent. */
export async function forwardCall(room: RoomClient, name: string, input: unknown): Promise<Result<unknown>> {
  const refused = callRefusal(name, input);
  return refused ? { ok: false, error: refused } : room.call(name, input);
}

export function roomSession(options: RoomSessionOptions = {}): RoomSession {
  let client: RoomClient | null = null;
  let link: (RoomLink & { close(): void }) | null = null;
  let mirror: Mirror | null = null;
  let name: string | null = null;
  const close = () => {
    link?.close();
    client?.close();
    link = null;
    client = null;
    mirror = null;
    name = null;
  };
  return {
    current: () => client,
    operationName: () => name,
    link: () => link,
    mirror: () => mirror?.state() ?? null,
    async open(input) {
      const parsed = parseAddressInput(input);
      if (!parsed.ok) return parsed;
      const address = parsed.value;
      const next = openRoomClient(address);
      // One harmless call proves the server answers, is the pinned one and is a Vigie room, before
      // the desk moves (the dialog's "Test connection" reads it the same way).
      const probe = await probeRoom(next);
      const copy = options.mirrorDir ? join(options.mirrorDir, mirrorName(address.fingerprint)) : null;
      // A room that does not answer (never one with another certificate) still opens on this desk's
      // copy of it, read-only, so an officer who restarts the app during an outage keeps the picture.
      const down = !probe.reached;
      if (!probe.reached && !(probe.reason === 'unreachable' && copy && existsSync(copy))) {
        next.close();
        return { ok: false, error: { code: 'internal', message: probe.detail } };
      }
      close();
      client = next;
      mirror = copy
        ? startMirror({
            client: next,
            file: copy,
            reachable: !down,
            ...(options.onMirrorError ? { onError: options.onMirrorError } : {}),
          })
        : null;
      link = mirrorLink(next, mirror);
      name = probe.reached ? probe.operation.name : null;
      return { ok: true, value: address };
    },
    leave: close,
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
