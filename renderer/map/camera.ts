// Camera helpers: the opening view over central Paris, fitting the ceremony route once it is known,
// and easing to a selection made outside the map.
import type { LngLatBoundsLike, Map as MaplibreMap } from 'maplibre-gl';
import type { Route } from '../../shared/domain';

/** Central Paris, the Seine from Austerlitz to the Trocadéro. */
export const INITIAL_VIEW = { center: [2.325, 48.858] as [number, number], zoom: 13 };

export function routeBounds(routes: readonly Route[]): LngLatBoundsLike | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const r of routes) {
    for (const [lon, lat] of r.coordinates) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

export function fitRoute(map: MaplibreMap, routes: readonly Route[]): boolean {
  const bounds = routeBounds(routes);
  if (!bounds) return false;
  map.fitBounds(bounds, {
    padding: { top: 70, right: 90, bottom: 120, left: 120 },
    maxZoom: 14.5,
    duration: 0,
  });
  return true;
}

export function easeToPoint(map: MaplibreMap, lon: number, lat: number): void {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  map.easeTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), 14.5), duration: reduced ? 0 : 700 });
}
