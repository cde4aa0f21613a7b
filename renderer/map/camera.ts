// Camera helpers: a world view until the operation's data is known, then its route (or, without
// one, its venues) framed, and easing to a selection made outside the map. Nothing here knows
// which city the operation is in: the frame comes from the operation's own data.
import type { LngLatBoundsLike, Map as MaplibreMap } from 'maplibre-gl';
import type { Route } from '../../shared/domain';

/** The whole world, for the moment before the operation's places arrive. */
export const INITIAL_VIEW = { center: [0, 20] as [number, number], zoom: 1 };

/** A place to frame beside the routes (the venues; the only thing framed when there is no route). */
export interface FramePoint {
  lon: number;
  lat: number;
}

/** The box round every route point and the places given (the caller chooses which). */
export function routeBounds(
  routes: readonly Route[],
  places: readonly FramePoint[] = [],
): LngLatBoundsLike | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const add = (lon: number, lat: number) => {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  for (const r of routes) for (const [lon, lat] of r.coordinates) add(lon, lat);
  for (const p of places) add(p.lon, p.lat);
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

/**
 * Keeps the operation's route (else its venues, `places`) framed until something else moves the camera (the officer, a
 * selection, the search). The first fit can run before the window has its final size (a slow
 * start, a panel still laying out): fitting a small canvas with full padding settles zoomed out
 * and off to the south-west, so the route is fitted again on each resize while the camera is still
 * where the last fit put it, and the padding shrinks with the canvas. (Movement events cannot tell
 * who moved the camera: maplibre fires movestart for a resize too.) Returns a function that stops it.
 */
export function keepRouteFramed(
  map: MaplibreMap,
  routes: readonly Route[],
  places: readonly FramePoint[] = [],
  padding: typeof framePadding = framePadding,
): (() => void) | null {
  const bounds = routeBounds(routes, places);
  if (!bounds) return null;
  let framed: { lng: number; lat: number; zoom: number } | null = null;
  const fit = () => {
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    if (w < 50 || h < 50) return; // not laid out yet: the resize that follows fits it
    map.fitBounds(bounds, { padding: padding(w, h), maxZoom: 14.5, duration: 0 });
    const c = map.getCenter();
    framed = { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  };
  const stillFramed = () => {
    if (!framed) return true;
    const c = map.getCenter();
    const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
    return same(c.lng, framed.lng) && same(c.lat, framed.lat) && same(map.getZoom(), framed.zoom);
  };
  const stop = () => map.off('resize', onResize);
  const onResize = () => {
    if (stillFramed()) fit();
    else stop();
  };
  map.on('resize', onResize);
  fit();
  return stop;
}

/** Room for the panels drawn over the map, never more than a fifth of the canvas per side. */
export function framePadding(width: number, height: number) {
  const cap = (px: number, size: number) => Math.min(px, Math.floor(size / 5));
  return { top: cap(70, height), right: cap(90, width), bottom: cap(120, height), left: cap(120, width) };
}

/** The wall's map has nothing drawn over it: a thin margin so the route is as large as it can be. */
export function stillPadding(width: number, height: number) {
  const m = Math.round(Math.min(width, height) / 12);
  return { top: m, right: m, bottom: m, left: m };
}

export function easeToPoint(map: MaplibreMap, lon: number, lat: number): void {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  map.easeTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), 14.5), duration: reduced ? 0 : 700 });
}

/** About 111 km to a degree of latitude; a degree of longitude shrinks with its cosine. */
const KM_PER_DEGREE = 111.32;

/**
 * The places within `km` of the box around the routes: what the wall frames with the route. The
 * operation's far venues (Saint-Denis, Versailles, Vaires-sur-Marne) would shrink the route to a
 * thread, and a wider frame than the route's neighbourhood turns the units into clusters.
 */
export function placesNear<P extends { lon: number; lat: number }>(
  routes: readonly Route[],
  places: readonly P[],
  km = 1,
): P[] {
  const box = routeBounds(routes) as [number, number, number, number] | null;
  if (!box) return [];
  const [west, south, east, north] = box;
  const dLat = km / KM_PER_DEGREE;
  const dLon = km / (KM_PER_DEGREE * Math.cos((((south + north) / 2) * Math.PI) / 180));
  return places.filter(
    (p) => p.lon >= west - dLon && p.lon <= east + dLon && p.lat >= south - dLat && p.lat <= north + dLat,
  );
}
