// Street names from the operator's vector tile base map (MBTiles or PMTiles), for describing a point
// ("Rue de Rivoli, 20 m") and for the map's place search. Tiles near the point are decoded on the
// main side, at z14 (the zoom both schemas carry every named street at), and kept per tile.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { NEAR_M, type PlaceCandidate } from '../../shared/place-name.js';
import { foldPlace } from '../../shared/place-match.js';
import { basemapSlot } from '../tiles/slot.js';
import { decodeTile } from '../tiles/types.js';

type LonLat = [number, number];
interface Street {
  name: string;
  line: LonLat[];
  /** [west, south, east, north], to skip far streets before measuring (a city tile has hundreds). */
  box: [number, number, number, number];
}

const boxOf = (line: LonLat[]): Street['box'] => {
  const lons = line.map((c) => c[0]);
  const lats = line.map((c) => c[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
};

/** The street layers: Protomaps' `roads`, OpenMapTiles' `transportation_name` (and `transportation`). */
const STREET_LAYERS = ['roads', 'transportation_name', 'transportation'];
const STREET_ZOOM = 14;
const CACHE_TILES = 256;

const cache = new Map<string, Street[]>();

function tileXY(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

function decodeStreets(bytes: Uint8Array, z: number, x: number, y: number): Street[] {
  const tile = new VectorTile(new PbfReader(bytes));
  const out: Street[] = [];
  for (const name of STREET_LAYERS) {
    const layer = tile.layers[name];
    if (!layer) continue;
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      const street = f.properties.name;
      if (typeof street !== 'string' || !street.trim() || f.type !== 2) continue;
      const g = f.toGeoJSON(x, y, z).geometry;
      const lines =
        g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
      for (const line of lines)
        if (line.length > 1) out.push({ name: street, line: line as LonLat[], box: boxOf(line as LonLat[]) });
    }
  }
  return out;
}

/** The named streets of one tile of the loaded map (none without a vector map or a tile there). */
function streetsOfTile(owner: object, z: number, x: number, y: number): Street[] {
  const slot = basemapSlot(owner);
  const info = slot.info();
  if (!info || info.kind !== 'vector') return [];
  const key = `${info.generation}/${z}/${x}/${y}`;
  let found = cache.get(key);
  if (!found) {
    const tile = slot.tileSync(z, x, y);
    try {
      found = tile ? decodeStreets(decodeTile(tile), z, x, y) : [];
    } catch {
      found = []; // a damaged tile names nothing; the other places still do
    }
    if (cache.size >= CACHE_TILES) cache.delete(cache.keys().next().value as string);
    cache.set(key, found);
  }
  return found;
}

/** The zoom to read streets at: z14, or the file's nearest zoom to it; null below z12 (too coarse). */
function streetZoom(owner: object): number | null {
  const info = basemapSlot(owner).info();
  if (!info || info.kind !== 'vector') return null;
  const z = Math.min(Math.max(STREET_ZOOM, info.minzoom), info.maxzoom);
  return z >= 12 ? z : null;
}

/** The tiles around a point: its own and the ring `radius` tiles around it. */
function around(owner: object, lon: number, lat: number, radius: number): Street[] {
  const z = streetZoom(owner);
  if (z === null) return [];
  const [cx, cy] = tileXY(lon, lat, z);
  const out: Street[] = [];
  for (let x = cx - radius; x <= cx + radius; x++)
    for (let y = cy - radius; y <= cy + radius; y++)
      if (x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z) out.push(...streetsOfTile(owner, z, x, y));
  return out;
}

/** The named streets within `reachM` of a point (read from its tile and the eight around), as place candidates. */
export function streetCandidates(owner: object, lat: number, lon: number, reachM = NEAR_M): PlaceCandidate[] {
  const dLat = reachM / 111_000;
  const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  return around(owner, lon, lat, 1)
    .filter(
      ({ box: [w, s, e, n] }) => w - dLon <= lon && lon <= e + dLon && s - dLat <= lat && lat <= n + dLat,
    )
    .map((s) => ({ kind: 'street', name: s.name, line: s.line }));
}

export interface StreetHit {
  name: string;
  lat: number;
  lon: number;
}

/**
 * Streets of the loaded map near a point (the map's view) whose name contains the text, case and
 * accents aside: each street once, at the middle of its nearest piece.
 */
export function findStreets(
  owner: object,
  text: string,
  lat: number,
  lon: number,
  limit: number,
): StreetHit[] {
  const q = foldPlace(text);
  if (q.length < 2) return [];
  const best = new Map<string, StreetHit & { d: number }>();
  for (const s of around(owner, lon, lat, 2)) {
    if (!foldPlace(s.name).includes(q)) continue;
    const mid = s.line[Math.floor(s.line.length / 2)] ?? s.line[0];
    if (!mid) continue;
    const d = Math.hypot(mid[0] - lon, mid[1] - lat);
    const seen = best.get(s.name);
    if (!seen || d < seen.d) best.set(s.name, { name: s.name, lon: mid[0], lat: mid[1], d });
  }
  return [...best.values()]
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map(({ name, lat: la, lon: lo }) => ({ name, lat: la, lon: lo }));
}
