// MBTiles (1.3): a SQLite file with a `tiles` table or view (zoom_level, tile_column, tile_row in the
// TMS scheme, tile_data) and a `metadata` table of name/value pairs. Opened read-only.
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { detectSchema } from './schema.js';
import {
  TileFileError,
  contentTypeOf,
  isGzip,
  type Tile,
  type TileMeta,
  type TileSource,
  type TileType,
} from './types.js';

const FORMATS: Record<string, TileType> = {
  pbf: 'pbf',
  mvt: 'pbf',
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  webp: 'webp',
  avif: 'avif',
};

function numbers(v: string | undefined, n: number): number[] | null {
  if (!v) return null;
  const parts = v.split(',').map((s) => Number(s.trim()));
  return parts.length === n && parts.every(Number.isFinite) ? parts : null;
}

function sniff(b: Uint8Array | undefined): TileType {
  if (!b) return 'unknown';
  if (b[0] === 0x89 && b[1] === 0x50) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpg';
  if (b[0] === 0x52 && b[1] === 0x49 && b[8] === 0x57) return 'webp';
  if (isGzip(b) || b[0] === 0x1a) return 'pbf';
  return 'unknown';
}

export function openMbtiles(path: string): TileSource {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new TileFileError(`${path}: cannot open (${(err as Error).message})`);
  }
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name IN ('tiles', 'metadata')",
      )
      .all() as { name: string }[];
    const has = new Set(tables.map((t) => t.name));
    if (!has.has('tiles')) throw new TileFileError(`${path}: not an MBTiles file (no "tiles" table)`);
    const meta: Record<string, string> = {};
    if (has.has('metadata')) {
      for (const r of db.prepare('SELECT name, value FROM metadata').all() as {
        name: string;
        value: string;
      }[]) {
        meta[r.name] = String(r.value);
      }
    }
    const tileStmt = db.prepare(
      'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
    );
    const zooms = db.prepare('SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles').get() as {
      lo: number | null;
      hi: number | null;
    };
    if (zooms.lo === null || zooms.hi === null)
      throw new TileFileError(`${path}: the MBTiles file holds no tiles`);
    const first = (
      db.prepare('SELECT tile_data FROM tiles LIMIT 1').get() as { tile_data: Uint8Array } | undefined
    )?.tile_data;
    const declared = meta.format ? FORMATS[meta.format.toLowerCase()] : undefined;
    if (meta.format && !declared) throw new TileFileError(`${path}: unknown tile format "${meta.format}"`);
    const tileType = declared ?? sniff(first);
    const json = (() => {
      try {
        return meta.json ? (JSON.parse(meta.json) as { vector_layers?: TileMeta['vectorLayers'] }) : {};
      } catch {
        throw new TileFileError(`${path}: the metadata "json" entry is not JSON`);
      }
    })();
    const vectorLayers = Array.isArray(json.vector_layers) ? json.vector_layers : [];
    const bounds = numbers(meta.bounds, 4) as TileMeta['bounds'];
    const center = numbers(meta.center, 3) as TileMeta['center'];
    const info: TileMeta = {
      format: 'mbtiles',
      file: basename(path),
      name: meta.name ?? null,
      tileType,
      kind: tileType === 'pbf' ? 'vector' : 'raster',
      minzoom: Number.isInteger(Number(meta.minzoom)) && meta.minzoom ? Number(meta.minzoom) : zooms.lo,
      maxzoom: Number.isInteger(Number(meta.maxzoom)) && meta.maxzoom ? Number(meta.maxzoom) : zooms.hi,
      bounds,
      center,
      vectorLayers,
      schema: tileType === 'pbf' ? detectSchema(vectorLayers) : null,
      attribution: meta.attribution ?? null,
    };
    const contentType = contentTypeOf(tileType);
    const tileSync = (z: number, x: number, y: number): Tile | null => {
      // MBTiles rows count from the bottom (TMS); the map asks in XYZ.
      const row = tileStmt.get(z, x, 2 ** z - 1 - y) as { tile_data: Uint8Array } | undefined;
      if (!row) return null;
      const data = new Uint8Array(row.tile_data);
      return { data, contentType, encoding: tileType === 'pbf' && isGzip(data) ? 'gzip' : null };
    };
    return {
      meta: info,
      getTile(z, x, y): Promise<Tile | null> {
        return Promise.resolve(tileSync(z, x, y));
      },
      tileSync,
      close: () => db.close(),
    };
  } catch (err) {
    db.close();
    if (err instanceof TileFileError) throw err;
    const message = (err as Error).message;
    if (/not a database|malformed|corrupt/i.test(message))
      throw new TileFileError(`${path}: not an MBTiles file (${message})`);
    throw new TileFileError(`${path}: cannot read (${message})`);
  }
}
