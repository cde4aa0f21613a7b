// A PMTiles v3 directory read synchronously (the `pmtiles` package reads them only through
// promises): for the main side's own tile reads (street names for place descriptions), which run
// inside synchronous service calls.
import { readVarint, type Entry } from 'pmtiles';

/** The entries of a decompressed directory, as the PMTiles v3 spec lays them out. */
export function parseDirectory(bytes: Uint8Array): Entry[] {
  const p = { buf: bytes, pos: 0 };
  const count = readVarint(p);
  const entries: Entry[] = [];
  let tileId = 0;
  for (let i = 0; i < count; i++) {
    tileId += readVarint(p);
    entries.push({ tileId, offset: 0, length: 0, runLength: 1 });
  }
  for (const e of entries) e.runLength = readVarint(p);
  for (const e of entries) e.length = readVarint(p);
  entries.forEach((e, i) => {
    const v = readVarint(p);
    const prev = entries[i - 1];
    // 0 after the first entry: the tile data follows the previous entry's directly.
    e.offset = v === 0 && prev ? prev.offset + prev.length : v - 1;
  });
  return entries;
}
