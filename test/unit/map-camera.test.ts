import { beforeAll, describe, expect, it } from 'vitest';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Route } from '../../shared/domain.js';

type Padding = { top: number; right: number; bottom: number; left: number };
interface Camera {
  routeBounds(routes: readonly Route[]): [number, number, number, number] | null;
  framePadding(width: number, height: number): Padding;
  keepRouteFramed(map: MaplibreMap, routes: readonly Route[]): (() => void) | null;
}
let routeBounds: Camera['routeBounds'];
let framePadding: Camera['framePadding'];
let keepRouteFramed: Camera['keepRouteFramed'];

// Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'.
beforeAll(async () => {
  const path = '../../renderer/map/camera.ts';
  ({ routeBounds, framePadding, keepRouteFramed } = (await import(/* @vite-ignore */ path)) as Camera);
});

// Just enough of a maplibre map to drive the framing: listeners, a container with a size, a camera,
// and a record of every fitBounds. Like maplibre, a resize fires movestart first and keeps the centre.
function fakeMap(width: number, height: number) {
  const listeners = new Map<string, Set<() => void>>();
  const container = { clientWidth: width, clientHeight: height };
  const camera = { lng: 2.325, lat: 48.858, zoom: 13 };
  const fits: { padding: Padding }[] = [];
  const emit = (type: string) => [...(listeners.get(type) ?? [])].forEach((f) => f());
  const map = {
    getContainer: () => container,
    getCenter: () => ({ lng: camera.lng, lat: camera.lat }),
    getZoom: () => camera.zoom,
    on: (type: string, f: () => void) => listeners.set(type, (listeners.get(type) ?? new Set()).add(f)),
    off: (type: string, f: () => void) => listeners.get(type)?.delete(f),
    fitBounds: (_b: unknown, options: { padding: Padding }) => {
      fits.push(options);
      emit('movestart');
      // A smaller padding frames closer: enough to tell two fits apart.
      Object.assign(camera, { lng: 2.33, lat: 48.857, zoom: 12 + options.padding.left / 100 });
    },
  };
  const resize = (w: number, h: number) => {
    Object.assign(container, { clientWidth: w, clientHeight: h });
    emit('movestart');
    emit('resize');
  };
  const pan = () => {
    emit('movestart');
    camera.lng += 0.01;
  };
  return { map: map as unknown as MaplibreMap, fits, resize, pan };
}

const route = {
  coordinates: [
    [2.36, 48.84],
    [2.29, 48.86],
  ],
} as unknown as Route;

describe('framing the ceremony route', () => {
  it('bounds every route point, and has none for no route', () => {
    expect(routeBounds([route])).toEqual([2.29, 48.84, 2.36, 48.86]);
    expect(routeBounds([])).toBeNull();
  });

  it('pads for the panels, but never more than a fifth of a small canvas', () => {
    expect(framePadding(1600, 900)).toEqual({ top: 70, right: 90, bottom: 120, left: 120 });
    expect(framePadding(300, 200)).toEqual({ top: 40, right: 60, bottom: 40, left: 60 });
  });

  it('waits for a laid-out canvas, then fits again on each resize while the framing is ours', () => {
    const m = fakeMap(0, 0);
    expect(keepRouteFramed(m.map, [route])).toBeTypeOf('function');
    expect(m.fits).toHaveLength(0);
    m.resize(400, 300);
    m.resize(1600, 900);
    expect(m.fits.map((f) => f.padding.left)).toEqual([80, 120]);
  });

  it('lets go once anything else moves the camera', () => {
    const m = fakeMap(1600, 900);
    keepRouteFramed(m.map, [route]);
    expect(m.fits).toHaveLength(1);
    m.pan(); // the officer pans, or a selection eases there
    m.resize(1200, 800);
    m.resize(1600, 900);
    expect(m.fits).toHaveLength(1);
  });

  it('does nothing without a route', () => {
    const m = fakeMap(1600, 900);
    expect(keepRouteFramed(m.map, [])).toBeNull();
    expect(m.fits).toHaveLength(0);
  });
});
