// The rooms a desk opened before, for "Open room…" to offer again: URL, pinned fingerprint, the
// room's operation name and when. They belong to the person at the machine, not to an operation, so
// they live in the user's settings file (settings.json in the app's user-data folder), never in an
// operational database. Plain Node; written whole to a temporary file and renamed over the old one,
// so a crash mid-write leaves the previous list, and a file that cannot be read counts as empty.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RecentRoom } from '../shared/desktop-bridge.js';
import { parseRoomAddress, type RoomAddress } from '../shared/room-address.js';

export const SETTINGS_FILE = 'settings.json';
/** Enough for the rooms of one event; older ones fall off the end. */
export const MAX_RECENT_ROOMS = 8;

export interface RecentRooms {
  list(): RecentRoom[];
  /** Puts the room first (one entry per URL: its latest pin wins); returns the new list. */
  remember(room: RoomAddress, name: string | null, at?: Date): RecentRoom[];
}

export function recentRooms(settingsFile: string): RecentRooms {
  const read = (): Record<string, unknown> => {
    try {
      const parsed = JSON.parse(readFileSync(settingsFile, 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  };
  const list = (): RecentRoom[] => {
    const raw = read().recentRooms;
    return (Array.isArray(raw) ? raw : []).flatMap(recentRoom).slice(0, MAX_RECENT_ROOMS);
  };
  return {
    list,
    remember(room, name, at = new Date()) {
      const before = list();
      // A room opened on the desk's copy (no answer, so no name) keeps the name it had.
      const known = name ?? before.find((r) => r.url === room.url)?.name ?? null;
      const entry: RecentRoom = { ...room, name: known, openedAt: at.toISOString() };
      const next = [entry, ...before.filter((r) => r.url !== room.url)].slice(0, MAX_RECENT_ROOMS);
      // Other settings in the file are kept as they are.
      const settings = { ...read(), recentRooms: next };
      mkdirSync(dirname(settingsFile), { recursive: true });
      const tmp = `${settingsFile}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      renameSync(tmp, settingsFile);
      return next;
    },
  };
}

/** One stored entry, or nothing when it is not a valid room (a hand-edited file). */
function recentRoom(raw: unknown): RecentRoom[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const o = raw as Record<string, unknown>;
  if (typeof o.url !== 'string' || typeof o.fingerprint !== 'string') return [];
  const parsed = parseRoomAddress({ url: o.url, fingerprint: o.fingerprint });
  if (!parsed.ok) return [];
  const name = typeof o.name === 'string' ? o.name : null;
  const openedAt = typeof o.openedAt === 'string' ? o.openedAt : '';
  return [{ ...parsed.value, name, openedAt }];
}
