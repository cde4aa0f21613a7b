// PMTiles v3: a single-file archive (127-byte header, compressed directories, tile data), read with
// the `pmtiles` package's directory lookup over a local file. The header and metadata are read
// synchronously when the file is opened (so a bad file is refused at once); tiles are read on demand
// and handed on exactly as stored, with their compression named.
import { closeSync, fstatSync, openSync, read, readSync } from 'node:fs';
import { basename } from 'node:path';
import * as zlib from 'node:zlib';
import {
  Compression,
  ResolvedValueCache,
  TileType as PmTileType,
  bytesToHeader,
  findTile,
  zxyToTileId,
  type Entry,
  type Header,
  type RangeResponse,
  type Source,
} from 'pmtiles';
import { detectSchema } from './schema.js';
import {
  TileFileError,
  contentTypeOf,
  zstd,
  type Tile,
  type TileEncoding,
  type TileMeta,
  type TileSource,
  type TileType,
} from './types.js';
import { parseDirectory } from './pmtiles-dir.js';

const HEADER_BYTES = 127;

const TYPES: Record<number, TileType> = {
  [PmTileType.Mvt]: 'pbf',
  [PmTileType.Png]: 'png',
  [PmTileType.Jpeg]: 'jpg',
  [PmTileType.Webp]: 'webp',
  [PmTileType.Avif]: 'avif',
};

const ENCODINGS: Record<number, TileEncoding | null> = {
  [Compression.Unknown]: null,
  [Compression.None]: null,
  [Compression.Gzip]: 'gzip',
  [Compression.Brotli]: 'br',
  [Compression.Zstd]: 'zstd',
};

function decompressSync(buf: Uint8Array, c: Compression): Uint8Array {
  switch (c) {
    case Compression.None:
    case Compression.Unknown:
      return buf;
    case Compression.Gzip:
      return zlib.gunzipSync(buf);
    case Compression.Brotli:
      return zlib.brotliDecompressSync(buf);
    case Compression.Zstd:
      return zstd(buf);
  }
}

const toArrayBuffer = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

/** A local file as a pmtiles Source (positioned reads; no whole-file load). */
class LocalFileSource implements Source {
  constructor(
    private readonly fd: number,
    private readonly path: string,
  ) {}
  getKey(): string {
    return this.path;
  }
  getBytes(offset: number, length: number): Promise<RangeResponse> {
    return new Promise((resolve, reject) => {
      const buf = Buffer.alloc(length);
      read(this.fd, buf, 0, length, offset, (err, n) =>
        err ? reject(err) : resolve({ data: toArrayBuffer(buf.subarray(0, n)) }),
      );
    });
  }
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, offset);
  return buf.subarray(0, n);
}

function readHeader(fd: number, path: string, size: number): Header {
  const head = readAt(fd, 0, HEADER_BYTES);
  if (head.length < HEADER_BYTES || head.toString('latin1', 0, 7) !== 'PMTiles')
    throw new TileFileError(`${path}: not a PMTiles file (no "PMTiles" signature)`);
  if (head[7] !== 3) throw new TileFileError(`${path}: PMTiles version ${head[7]}; Vigie reads version 3`);
  const h = bytesToHeader(toArrayBuffer(head));
  const inside = (o: number, l: number | undefined) => o >= HEADER_BYTES && o + (l ?? 0) <= size;
  if (
    !inside(h.rootDirectoryOffset, h.rootDirectoryLength) ||
    !inside(h.jsonMetadataOffset, h.jsonMetadataLength) ||
    !inside(h.tileDataOffset, h.tileDataLength)
  )
    throw new TileFileError(`${path}: truncated or damaged PMTiles file (sections point past its end)`);
  if (h.minZoom > h.maxZoom)
    throw new TileFileError(`${path}: minzoom ${h.minZoom} is above maxzoom ${h.maxZoom}`);
  return h;
}

function readMetadata(fd: number, path: string, h: Header): Record<string, unknown> {
  if (!h.jsonMetadataLength) return {};
  try {
    const raw = decompressSync(readAt(fd, h.jsonMetadataOffset, h.jsonMetadataLength), h.internalCompression);
    const json: unknown = JSON.parse(Buffer.from(raw).toString('utf8'));
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  } catch (err) {
    throw new TileFileError(`${path}: unreadable PMTiles metadata (${(err as Error).message})`);
  }
}

export function openPmtiles(path: string): TileSource {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new TileFileError(`${path}: cannot open (${(err as Error).message})`);
  }
  try {
    const header = readHeader(fd, path, fstatSync(fd).size);
    const meta = readMetadata(fd, path, header);
    const tileType = TYPES[header.tileType] ?? 'unknown';
    const vectorLayers = Array.isArray(meta.vector_layers)
      ? (meta.vector_layers as TileMeta['vectorLayers'])
      : [];
    const validBounds = header.minLon < header.maxLon && header.minLat < header.maxLat;
    const info: TileMeta = {
      format: 'pmtiles',
      file: basename(path),
      name: typeof meta.name === 'string' ? meta.name : null,
      tileType,
      kind: tileType === 'pbf' ? 'vector' : 'raster',
      minzoom: header.minZoom,
      maxzoom: header.maxZoom,
      bounds: validBounds ? [header.minLon, header.minLat, header.maxLon, header.maxLat] : null,
      center: validBounds ? [header.centerLon, header.centerLat, header.centerZoom] : null,
      vectorLayers,
      schema: tileType === 'pbf' ? detectSchema(vectorLayers) : null,
      attribution: typeof meta.attribution === 'string' ? meta.attribution : null,
    };
    const source = new LocalFileSource(fd, path);
    const cache = new ResolvedValueCache(64, undefined, (buf, c) =>
      Promise.resolve(toArrayBuffer(decompressSync(new Uint8Array(buf), c))),
    );
    const contentType = contentTypeOf(tileType);
    const encoding = ENCODINGS[header.tileCompression] ?? null;
    let closed = false;
    // The synchronous reads' own directory cache (the async one above answers only in promises).
    const directories = new Map<number, Entry[]>();
    const directorySync = (offset: number, length: number): Entry[] => {
      let found = directories.get(offset);
      if (!found) {
        found = parseDirectory(decompressSync(readAt(fd, offset, length), header.internalCompression));
        if (directories.size >= 64) directories.clear();
        directories.set(offset, found);
      }
      return found;
    };
    return {
      meta: info,
      async getTile(z, x, y): Promise<Tile | null> {
        if (closed || z < header.minZoom || z > header.maxZoom) return null;
        const tileId = zxyToTileId(z, x, y);
        let [offset, length] = [header.rootDirectoryOffset, header.rootDirectoryLength];
        for (let depth = 0; depth <= 3; depth++) {
          const entry = findTile(await cache.getDirectory(source, offset, length, header), tileId);
          if (!entry) return null;
          if (entry.runLength > 0) {
            const bytes = await source.getBytes(header.tileDataOffset + entry.offset, entry.length);
            return { data: new Uint8Array(bytes.data), contentType, encoding };
          }
          [offset, length] = [header.leafDirectoryOffset + entry.offset, entry.length];
        }
        throw new TileFileError(`${path}: directories nested deeper than the PMTiles spec allows`);
      },
      tileSync(z, x, y): Tile | null {
        if (closed || z < header.minZoom || z > header.maxZoom) return null;
        const tileId = zxyToTileId(z, x, y);
        let [offset, length] = [header.rootDirectoryOffset, header.rootDirectoryLength];
        for (let depth = 0; depth <= 3; depth++) {
          const entry = findTile(directorySync(offset, length), tileId);
          if (!entry) return null;
          if (entry.runLength > 0)
            return {
              data: readAt(fd, header.tileDataOffset + entry.offset, entry.length),
              contentType,
              encoding,
            };
          [offset, length] = [header.leafDirectoryOffset + entry.offset, entry.length];
        }
        throw new TileFileError(`${path}: directories nested deeper than the PMTiles spec allows`);
      },
      close() {
        if (!closed) closeSync(fd);
        closed = true;
      },
    };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}
