// What "Open room…" asks for: the room server's address and the fingerprint of its certificate,
// which the desk pins (the room's certificate is self-signed: `vigie room cert`). Pure, so the
// dialog and the main process refuse the same inputs with the same words.
import type { Issue } from './errors.js';

export interface RoomAddress {
  /** https://host:port/ with nothing after the slash. */
  url: string;
  /** SHA-256, upper-case hex pairs joined by colons (as Node's `fingerprint256` gives it). */
  fingerprint: string;
}

export type RoomAddressResult = { ok: true; value: RoomAddress } | { ok: false; issues: Issue[] };

/** Why a field is refused, as a code the dialog translates; the messages below are the English. */
export type RoomAddressProblem = 'missing' | 'not-url' | 'not-https' | 'credentials' | 'path' | 'not-sha256';

export const ROOM_ADDRESS_MESSAGES: Record<RoomAddressProblem, string> = {
  missing: 'required',
  'not-url': 'not a URL (expected https://host:port/)',
  'not-https': 'a room is reached over https:// only',
  credentials: 'a room URL carries no user name or password',
  path: 'the room URL is the server alone (https://host:port/), no path',
  'not-sha256': 'expected the SHA-256 fingerprint: 64 hexadecimal digits, colons optional',
};

/** Each refused field and why (empty: both are fine). */
export function roomAddressProblems(input: { url: string; fingerprint: string }): {
  url?: RoomAddressProblem;
  fingerprint?: RoomAddressProblem;
} {
  const url = roomUrl(input.url);
  const fingerprint = !input.fingerprint.trim()
    ? 'missing'
    : normalizeFingerprint(input.fingerprint) === null
      ? 'not-sha256'
      : null;
  return { ...('refused' in url ? { url: url.refused } : {}), ...(fingerprint ? { fingerprint } : {}) };
}

export function parseRoomAddress(input: { url: string; fingerprint: string }): RoomAddressResult {
  const problems = roomAddressProblems(input);
  const issues: Issue[] = [];
  if (problems.url) issues.push({ path: 'url', message: ROOM_ADDRESS_MESSAGES[problems.url] });
  if (problems.fingerprint)
    issues.push({ path: 'fingerprint', message: ROOM_ADDRESS_MESSAGES[problems.fingerprint] });
  const url = roomUrl(input.url);
  const fingerprint = normalizeFingerprint(input.fingerprint);
  if ('refused' in url || fingerprint === null) return { ok: false, issues };
  return { ok: true, value: { url: url.url, fingerprint } };
}

/** The canonical room URL, or why it is refused. */
function roomUrl(raw: string): { url: string } | { refused: RoomAddressProblem } {
  if (!raw.trim()) return { refused: 'missing' };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { refused: 'not-url' };
  }
  if (url.protocol !== 'https:') return { refused: 'not-https' };
  if (url.username || url.password) return { refused: 'credentials' };
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return { refused: 'path' };
  return { url: `${url.origin}/` };
}

/** "ab:CD…" or "abcd…" → "AB:CD:…"; null unless exactly 64 hex digits. */
export function normalizeFingerprint(raw: string): string | null {
  const trimmed = raw.trim().replace(/^sha256 fingerprint=/i, '');
  if (!/^([0-9a-f]{2}:){31}[0-9a-f]{2}$|^[0-9a-f]{64}$/i.test(trimmed)) return null;
  const hex = trimmed.replace(/:/g, '').toUpperCase();
  return hex.match(/../g)?.join(':') ?? null;
}
