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

export function parseRoomAddress(input: { url: string; fingerprint: string }): RoomAddressResult {
  const issues: Issue[] = [];
  const url = roomUrl(input.url);
  if ('refused' in url) issues.push({ path: 'url', message: url.refused });
  const fingerprint = normalizeFingerprint(input.fingerprint);
  if (fingerprint === null)
    issues.push({
      path: 'fingerprint',
      message: 'expected the SHA-256 fingerprint: 64 hexadecimal digits, colons optional',
    });
  if ('refused' in url || fingerprint === null) return { ok: false, issues };
  return { ok: true, value: { url: url.url, fingerprint } };
}

/** The canonical room URL, or why it is refused. */
function roomUrl(raw: string): { url: string } | { refused: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { refused: 'not a URL (expected https://host:port/)' };
  }
  if (url.protocol !== 'https:') return { refused: 'a room is reached over https:// only' };
  if (url.username || url.password) return { refused: 'a room URL carries no user name or password' };
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== ''))
    return { refused: 'the room URL is the server alone (https://host:port/), no path' };
  return { url: `${url.origin}/` };
}

/** "ab:CD…" or "abcd…" → "AB:CD:…"; null unless exactly 64 hex digits. */
export function normalizeFingerprint(raw: string): string | null {
  const trimmed = raw.trim().replace(/^sha256 fingerprint=/i, '');
  if (!/^([0-9a-f]{2}:){31}[0-9a-f]{2}$|^[0-9a-f]{64}$/i.test(trimmed)) return null;
  const hex = trimmed.replace(/:/g, '').toUpperCase();
  return hex.match(/../g)?.join(':') ?? null;
}
