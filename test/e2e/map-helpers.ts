// What the map end-to-end files share (map.test.ts, map-actions.test.ts): a host with the console
// open on its settled map (an officer signed in at desk MAP-1), the host's API from Node, and the
// map as the debug hook exposes it.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import {
  closeDesk,
  hostApi,
  mapIdle,
  openConsole,
  serve,
  signInFromPage,
  type Console,
  type HostApi,
  type Served,
} from './harness.js';

export let served: Served;
export let ui: Console;

export interface TestMap {
  queryRenderedFeatures(
    a?: unknown,
    b?: unknown,
  ): {
    properties: Record<string, unknown>;
    geometry: { type: string; coordinates: [number, number] };
  }[];
  project(c: [number, number]): { x: number; y: number };
  jumpTo(o: { center?: [number, number]; zoom?: number }): void;
  getZoom(): number;
  getCanvas(): HTMLCanvasElement;
  getPaintProperty(layer: string, prop: string): unknown;
}
declare global {
  interface Window {
    __vigieMap?: unknown;
    __vigieUnits?: unknown;
  }
}

/** A unit as the units overlay holds it (renderer/map/overlay-list.ts). */
export interface TestUnit {
  id: string;
  callsign: string;
  kind: string;
  status: string;
  country: string;
  stale: boolean;
  lon: number;
  lat: number;
}
/** The units overlay, as the debug flag exposes it (window.__vigieUnits; renderer/map/unit-overlay.ts). */
export interface TestUnits {
  list(): {
    mode: 'none' | 'dots' | 'symbols';
    zoom: number;
    items: { unit: TestUnit; x: number; y: number }[];
    labels: { unit: TestUnit; x: number; y: number; box: [number, number, number, number] }[];
  };
  count(): number;
}

/** The units the overlay draws with their point in view (their page position too), how, and their labels. */
export function drawnUnits(page: Page): Promise<{
  mode: 'none' | 'dots' | 'symbols';
  units: (TestUnit & { x: number; y: number; pageX: number; pageY: number })[];
  labels: { unit: TestUnit; box: [number, number, number, number] }[];
}> {
  return page.evaluate(() => {
    const list = (window.__vigieUnits as TestUnits).list();
    const rect = (window.__vigieMap as TestMap).getCanvas().getBoundingClientRect();
    const units = list.items
      .filter((p) => p.x >= 0 && p.y >= 0 && p.x <= rect.width && p.y <= rect.height)
      .map((p) => ({ ...p.unit, x: p.x, y: p.y, pageX: rect.left + p.x, pageY: rect.top + p.y }));
    return { mode: list.mode, units, labels: list.labels.map((l) => ({ unit: l.unit, box: l.box })) };
  });
}

let hostCalls: HostApi | null = null;
/** The host's API from Node, as an officer at another desk. */
export const api = <T>(name: string, input: unknown): Promise<T> =>
  (hostCalls ??= hostApi(served.url, 'officer', 'MAP-API'))<T>(name, input);

/** Distinct features the map renders in these layers (by id, cluster id, arrondissement or name). */
export function rendered(page: Page, layers: string[]): Promise<number> {
  return page.evaluate((layers) => {
    const map = window.__vigieMap as TestMap;
    const ids = new Set<unknown>();
    for (const f of map.queryRenderedFeatures({ layers }))
      ids.add(f.properties.id ?? f.properties.cluster_id ?? f.properties.arrondissement ?? f.properties.name);
    return ids.size;
  }, layers);
}

/** Moves the camera and waits until the map has settled there. */
export async function jump(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(({ center, zoom }) => (window.__vigieMap as TestMap).jumpTo({ center, zoom }), {
    center,
    zoom,
  });
  await mapIdle(page, 0);
}

/** Switches the map theme from the layers panel, and closes the panel. */
export async function setMapTheme(page: Page, theme: 'dark' | 'light'): Promise<void> {
  await page.getByTestId('layers-toggle').click();
  await page.getByTestId(`map-theme-${theme}`).click();
  await page.getByTestId('layers-toggle').click();
}

export const ROUTE_VIEW: [number, number] = [2.325, 48.858];

/** Opens the console before the file's tests, and closes it after. */
export function mapConsole(): void {
  beforeAll(async () => {
    hostCalls = null;
    served = await serve();
    ui = await openConsole(served.url, { debug: true });
    await signInFromPage(ui.page, 'officer', 'MAP-1');
    await mapIdle(ui.page, 20);
  });

  afterAll(() => closeDesk({ ui, served }));
}
