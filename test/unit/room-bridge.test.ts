// The renderer's side of "Open room…": the bridge is found only where the preload put all four room
// calls (a browser on the host has none), and each refused field comes with a code the dialog
// translates, the same rules the main process applies.
import { describe, expect, it } from 'vitest';
import { roomAddressProblems } from '../../shared/room-address.js';

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
const load = async () => {
  const path = '../../renderer/room/room-bridge.ts';
  return (await import(/* @vite-ignore */ path)) as {
    roomBridge(scope: { vigieDesktop?: unknown }): unknown;
  };
};

const HEX = 'ab'.repeat(32);
const fn = () => Promise.resolve();

describe('roomBridge', () => {
  it('is found only with all four room calls', async () => {
    const { roomBridge } = await load();
    expect(roomBridge({})).toBeNull();
    expect(roomBridge({ vigieDesktop: null })).toBeNull();
    expect(roomBridge({ vigieDesktop: { pickBasemapFile: fn, nextEvents: fn } })).toBeNull();
    expect(roomBridge({ vigieDesktop: { testRoom: fn, openRoom: fn, leaveRoom: fn } })).toBeNull();
    const all = { testRoom: fn, openRoom: fn, leaveRoom: fn, recentRooms: fn };
    expect(roomBridge({ vigieDesktop: all })).toBe(all);
  });
});

describe('roomAddressProblems', () => {
  it.each([
    [
      { url: '', fingerprint: '' },
      { url: 'missing', fingerprint: 'missing' },
    ],
    [{ url: 'room.local', fingerprint: HEX }, { url: 'not-url' }],
    [{ url: 'http://room.local:8443', fingerprint: HEX }, { url: 'not-https' }],
    [{ url: 'https://u:p@room.local:8443', fingerprint: HEX }, { url: 'credentials' }],
    [{ url: 'https://room.local:8443/api', fingerprint: HEX }, { url: 'path' }],
    [{ url: 'https://room.local:8443', fingerprint: 'AB:CD' }, { fingerprint: 'not-sha256' }],
    [{ url: ' https://room.local:8443/ ', fingerprint: `sha256 Fingerprint=${HEX}` }, {}],
  ])('%j → %j', (input, expected) => {
    expect(roomAddressProblems(input)).toEqual(expected);
  });
});
