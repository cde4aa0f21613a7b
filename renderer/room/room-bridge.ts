// The desktop bridge's room calls ("Open room…"), or null where there are none: a browser on the
// host has no `window.vigieDesktop`, so it never offers to open a room.
import type { DesktopBridge } from '../../shared/desktop-bridge';

export type RoomBridge = Pick<DesktopBridge, 'testRoom' | 'openRoom' | 'leaveRoom' | 'recentRooms'>;

const CALLS = ['testRoom', 'openRoom', 'leaveRoom', 'recentRooms'] as const;

export function roomBridge(scope: { vigieDesktop?: unknown } = window): RoomBridge | null {
  const bridge = scope.vigieDesktop;
  if (typeof bridge !== 'object' || bridge === null) return null;
  const calls = bridge as Partial<Record<(typeof CALLS)[number], unknown>>;
  return CALLS.every((name) => typeof calls[name] === 'function') ? (bridge as RoomBridge) : null;
}
