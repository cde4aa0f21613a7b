// The built-in base map (resources/geo/paris-base.json), fetched once per page from the app's own
// server: one FeatureCollection per layer of its `order`. A missing or broken file leaves the base
// map empty and says so in the console.
import type { FeatureCollection } from 'geojson';
import { resourceUrl } from './glyphs';

export interface BaseMapFile {
  bounds: [number, number, number, number];
  order: string[];
  layers: Record<string, FeatureCollection>;
}

let cache: Promise<BaseMapFile | null> | null = null;

const isFeatureCollection = (v: unknown): v is FeatureCollection =>
  typeof v === 'object' &&
  v !== null &&
  (v as { type?: unknown }).type === 'FeatureCollection' &&
  Array.isArray((v as { features?: unknown }).features);

function isBaseMap(v: unknown): v is BaseMapFile {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Partial<BaseMapFile>;
  return (
    Array.isArray(b.order) &&
    typeof b.layers === 'object' &&
    b.layers !== null &&
    b.order.every((n) => isFeatureCollection(b.layers?.[n]))
  );
}

async function fetchBase(): Promise<BaseMapFile | null> {
  const url = resourceUrl('geo/paris-base.json');
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body: unknown = await res.json();
    if (!isBaseMap(body)) throw new Error('not a Vigie base map');
    return body;
  } catch (err) {
    console.warn(`Vigie: ${url} could not be loaded (${String(err)}); the base map stays empty.`);
    return null;
  }
}

export function loadBaseMap(): Promise<BaseMapFile | null> {
  cache ??= fetchBase();
  return cache;
}
