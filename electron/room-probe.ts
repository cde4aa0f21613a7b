// "Test connection" for a room: one getSession through the pinned client, read as the operator
// needs it: the room's operation, or which of three things went wrong (another certificate, no
// answer, a server that is not a Vigie room). Plain Node; room-session.ts opens a room on the same
// reading, so the dialog's test and the opening never disagree.
import type { Result } from '../shared/errors.js';
import type { RoomFailure, RoomProbe } from '../shared/desktop-bridge.js';
import { parseRoomAddress } from '../shared/room-address.js';
import { isUnreachable, openRoomClient, presentedFingerprint, type RoomClient } from './room-client.js';

/** Reads one getSession answer of the room behind `client`. */
export async function probeRoom(client: RoomClient): Promise<RoomProbe> {
  const address = { url: client.url, fingerprint: client.fingerprint };
  const r = await client.call('getSession', {});
  const failed = (reason: RoomFailure, detail: string): RoomProbe => ({
    ...address,
    reached: false,
    reason,
    presented: reason === 'pin-mismatch' ? presentedFingerprint(detail) : null,
    detail,
  });
  if (!r.ok) {
    if (presentedFingerprint(r.error.message)) return failed('pin-mismatch', r.error.message);
    if (r.error.code === 'internal' && isUnreachable(r.error.message))
      return failed('unreachable', r.error.message);
    // The client's own "answered HTTP n" means no Vigie error came back; anything else is the room's.
    if (r.error.code === 'internal' && /^the room \S+ answered HTTP/.test(r.error.message))
      return failed('not-vigie', `${client.url} answered, but not as a Vigie room: ${r.error.message}`);
    return failed('room-error', `the room ${client.url} answered with an error: ${r.error.message}`);
  }
  const session = r.value as { operation?: { name?: unknown; mode?: unknown }; journalOk?: unknown } | null;
  const name = session?.operation?.name;
  const mode = session?.operation?.mode;
  if (
    typeof name !== 'string' ||
    (mode !== 'exercise' && mode !== 'real') ||
    typeof session?.journalOk !== 'boolean'
  )
    return failed('not-vigie', `${client.url} answered, but not as a Vigie room: no operation in its answer`);
  return { ...address, reached: true, operation: { name, mode }, journalOk: session.journalOk };
}

/** The bridge's testRoom: checks the inputs (the dialog's own rules), then probes; changes nothing. */
export async function testRoom(input: unknown): Promise<Result<RoomProbe>> {
  const parsed = parseAddressInput(input);
  if (!parsed.ok) return parsed;
  const client = openRoomClient(parsed.value);
  try {
    return { ok: true, value: await probeRoom(client) };
  } finally {
    client.close();
  }
}

/** `{ url, fingerprint }` from the renderer, checked by shared/room-address.ts (errors name the field). */
export function parseAddressInput(input: unknown): Result<{ url: string; fingerprint: string }> {
  const o = (typeof input === 'object' && input !== null ? input : {}) as {
    url?: unknown;
    fingerprint?: unknown;
  };
  const parsed = parseRoomAddress({
    url: typeof o.url === 'string' ? o.url : '',
    fingerprint: typeof o.fingerprint === 'string' ? o.fingerprint : '',
  });
  if (parsed.ok) return parsed;
  const [first] = parsed.issues;
  const message = `Open room: ${first?.path}: ${first?.message}`;
  return { ok: false, error: { code: 'invalid_input', message, issues: parsed.issues } };
}
