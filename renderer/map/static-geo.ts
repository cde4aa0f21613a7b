// Static geography shipped with the app (resources/geo/*.geojson), fetched once per page from the
// app's own server. A missing or broken file leaves that layer empty and says so in the console.
import type { FeatureCollection } from 'geojson';
import { resourceUrl } from './glyphs';

export const STATIC_GEO = ['seine', 'islands'] as const;
export type StaticGeoName = (typeof STATIC_GEO)[number];

const cache = new Map<StaticGeoName, Promise<FeatureCollection | null>>();

const isFeatureCollection = (v: unknown): v is FeatureCollection =>
  typeof v === 'object' &&
  v !== null &&
  (v as { type?: unknown }).type === 'FeatureCollection' &&
  Array.isArray((v as { features?: unknown }).features);

async function fetchGeo(name: StaticGeoName): Promise<FeatureCollection | null> {
  const url = resourceUrl(`geo/${name}.geojson`);
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body: unknown = await res.json();
    if (!isFeatureCollection(body)) throw new Error('not a GeoJSON FeatureCollection');
    return body;
  } catch (err) {
    console.warn(`Vigie: ${url} could not be loaded (${String(err)}); the ${name} layer stays empty.`);
    return null;
  }
}

export function loadStaticGeo(name: StaticGeoName): Promise<FeatureCollection | null> {
  let p = cache.get(name);
  if (!p) {
    p = fetchGeo(name);
    cache.set(name, p);
  }
  return p;
}
