// Opens an operator-supplied base map, MBTiles or PMTiles, recognised by its first bytes (not its name).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { openMbtiles } from './mbtiles.js';
import { openPmtiles } from './pmtiles.js';
import { TileFileError, type TileSource } from './types.js';

function firstBytes(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

export function openBasemapFile(path: string): TileSource {
  if (!isAbsolute(path)) throw new TileFileError(`${path}: give the full path of the base map file`);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new TileFileError(`${path}: no such file`);
  }
  if (!stat.isFile()) throw new TileFileError(`${path}: not a file`);
  let head: Buffer;
  try {
    head = firstBytes(path, 16);
  } catch (err) {
    throw new TileFileError(`${path}: cannot read (${(err as Error).message})`);
  }
  if (head.toString('latin1', 0, 7) === 'PMTiles') return openPmtiles(path);
  if (head.toString('latin1', 0, 16) === 'SQLite format 3\0') return openMbtiles(path);
  throw new TileFileError(`${path}: not an MBTiles or PMTiles file`);
}
