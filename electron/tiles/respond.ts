// The tile routes, independent of the transport: GET /tiles/{z}/{x}/{y} (XYZ, an extension such as
// .pbf or .png is allowed) and GET /tiles/meta.json (TileJSON 3.0.0 of the loaded base map, usable
// as a maplibre source `url`). Both answer 404 while the built-in map is in use.
import type { BasemapSlot } from './slot.js';
import { TILES_PREFIX } from './prefix.js';
import { decodeTile, validZxy, type TileEncoding } from './types.js';

export interface TileReply {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const TILE_PATH = /^\/tiles\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})(?:\.[a-z0-9]{1,8})?$/;

const json = (status: number, value: unknown): TileReply => ({
  status,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  },
  body: new TextEncoder().encode(JSON.stringify(value)),
});
const notFound = (message: string) => json(404, { error: { code: 'not_found', message } });

export interface TileRequest {
  /** URL path, as in URL.pathname. */
  pathname: string;
  /** The app's origin as the client sees it ("http://127.0.0.1:5173", "app://vigie"), for TileJSON's absolute tile URLs. */
  origin: string;
  /** Whether the client takes this Content-Encoding; otherwise the tile is decompressed here. */
  accepts(encoding: TileEncoding): boolean;
}

/** The reply for a path under /tiles/ (null for any other path). */
export async function tileReply(slot: BasemapSlot | undefined, r: TileRequest): Promise<TileReply | null> {
  if (!r.pathname.startsWith(TILES_PREFIX)) return null;
  const info = slot?.info() ?? null;
  if (r.pathname === '/tiles/meta.json') {
    if (!info) return notFound('No operator base map is loaded; the built-in map of Paris is in use.');
    const v = `?v=${info.generation}`;
    return json(200, {
      tilejson: '3.0.0',
      name: info.name ?? info.file,
      format: info.tileType,
      scheme: 'xyz',
      tiles: [`${r.origin}/tiles/{z}/{x}/{y}${v}`],
      minzoom: info.minzoom,
      maxzoom: info.maxzoom,
      ...(info.bounds ? { bounds: info.bounds } : {}),
      ...(info.center ? { center: info.center } : {}),
      ...(info.vectorLayers.length ? { vector_layers: info.vectorLayers } : {}),
      ...(info.attribution ? { attribution: info.attribution } : {}),
      vigie: { file: info.file, format: info.format, kind: info.kind, generation: info.generation },
    });
  }
  const m = TILE_PATH.exec(r.pathname);
  if (!m) return notFound(`No tile route ${r.pathname}; tiles are /tiles/{z}/{x}/{y}`);
  const [z, x, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!slot || !info) return notFound('No operator base map is loaded');
  if (!validZxy(z, x, y)) return notFound(`No tile ${z}/${x}/${y}`);
  const tile = await slot.tile(z, x, y);
  if (!tile) return notFound(`No tile ${z}/${x}/${y} in ${info.file}`);
  const headers: Record<string, string> = {
    'content-type': tile.contentType,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
  };
  if (tile.encoding && r.accepts(tile.encoding)) {
    headers['content-encoding'] = tile.encoding;
    return { status: 200, headers, body: tile.data };
  }
  return { status: 200, headers, body: decodeTile(tile) };
}
