// What every base-map reader provides: its metadata (read when the file is opened) and its tiles.
import * as zlib from 'node:zlib';
import type { BasemapInfo } from '../../shared/api/map.js';

/** A base map file that cannot be used, with a message naming the file and what is wrong. */
export class TileFileError extends Error {
  override name = 'TileFileError';
}

export type TileType = BasemapInfo['tileType'];
export type TileEncoding = 'gzip' | 'br' | 'zstd';

/** What the file says about itself (BasemapInfo without the app's URLs). */
export type TileMeta = Omit<BasemapInfo, 'tilejson' | 'tiles' | 'generation'>;

export interface Tile {
  /** The bytes as stored in the file. */
  data: Uint8Array;
  contentType: string;
  /** How `data` is compressed (vector tiles usually are); null for plain bytes. */
  encoding: TileEncoding | null;
}

export interface TileSource {
  readonly meta: TileMeta;
  /** The tile at z/x/y (XYZ scheme), or null when the file has none there. */
  getTile(z: number, x: number, y: number): Promise<Tile | null>;
  /** The same tile read synchronously, for the main side's own reads inside a service call. */
  tileSync(z: number, x: number, y: number): Tile | null;
  close(): void;
}

const CONTENT_TYPES: Record<TileType, string> = {
  pbf: 'application/x-protobuf',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  unknown: 'application/octet-stream',
};
export const contentTypeOf = (t: TileType): string => CONTENT_TYPES[t];

/** Whether z/x/y names a tile at all (XYZ, z up to 26 as PMTiles allows). */
export const validZxy = (z: number, x: number, y: number): boolean =>
  Number.isInteger(z) &&
  Number.isInteger(x) &&
  Number.isInteger(y) &&
  z >= 0 &&
  z <= 26 &&
  x >= 0 &&
  y >= 0 &&
  x < 2 ** z &&
  y < 2 ** z;

/** gzip's magic bytes: how MBTiles vector tiles say they are compressed. */
export const isGzip = (b: Uint8Array): boolean => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/** The plain bytes of a tile (for transports that cannot pass Content-Encoding through). */
export function decodeTile(tile: Tile): Uint8Array {
  switch (tile.encoding) {
    case null:
      return tile.data;
    case 'gzip':
      return zlib.gunzipSync(tile.data);
    case 'br':
      return zlib.brotliDecompressSync(tile.data);
    case 'zstd':
      return zstd(tile.data);
  }
}

/** Node's zstd (22.15 and later); older runtimes cannot read zstd archives. */
export function zstd(data: Uint8Array): Buffer {
  const fn = (zlib as { zstdDecompressSync?: (b: Uint8Array) => Buffer }).zstdDecompressSync;
  if (!fn) throw new TileFileError('this runtime cannot decompress zstd; recompress the base map with gzip');
  return fn(data);
}
