// The street-map fixture files (test/support/vector-tiles.ts) are real vector tile files: the
// pmtiles package reads the archive back, Vigie's readers serve its tiles, and the tiles decode to
// the named street, the water, the park, the building and the house number in each schema's names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Protobuf } from 'pbf';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { openBasemapFile } from '../../electron/tiles/open.js';
import type { TileSource } from '../../electron/tiles/types.js';
import { decodeTile } from '../../electron/tiles/types.js';
import { tempDir } from '../support/temp.js';
import {
  HOUSE,
  MAX_ZOOM,
  MIN_ZOOM,
  STREET,
  writeVectorTileFile,
  type TileSchemaName,
} from '../support/vector-tiles.js';

/** The archive's bytes as a pmtiles Source (the package's own reader, not Vigie's). */
class BytesSource implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey = () => 'fixture';
  getBytes(offset: number, length: number): Promise<RangeResponse> {
    // A copy: a Buffer's slice() shares the whole file's memory.
    return Promise.resolve({ data: new Uint8Array(this.bytes.subarray(offset, offset + length)).buffer });
  }
}

const tileOf = (lon: number, lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * 2 ** z),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z),
  };
};

/** Property values of every feature of a layer in a tile. */
function values(tile: VectorTile, layer: string, key: string): unknown[] {
  const l = tile.layers[layer];
  if (!l) return [];
  return Array.from({ length: l.length }, (_, i) => l.feature(i).properties[key]);
}

const NAMES: Record<TileSchemaName, { streets: string; housenumber: [string, string]; layers: string[] }> = {
  protomaps: {
    streets: 'roads',
    housenumber: ['buildings', 'addr_housenumber'],
    layers: ['earth', 'water', 'landuse', 'roads', 'buildings', 'places'],
  },
  openmaptiles: {
    streets: 'transportation_name',
    housenumber: ['housenumber', 'housenumber'],
    layers: ['water', 'park', 'transportation', 'transportation_name', 'building', 'housenumber', 'place'],
  },
};

const opened: TileSource[] = [];
afterEach(() => {
  while (opened.length) opened.pop()?.close();
});

describe.each(['protomaps', 'openmaptiles'] as const)('the %s fixture', (schema) => {
  it('as PMTiles reads back with the pmtiles package: header, metadata and a street tile', async () => {
    const file = join(tempDir(), `streets-${schema}.pmtiles`);
    writeVectorTileFile(file, schema);
    const pm = new PMTiles(new BytesSource(readFileSync(file)));
    const header = await pm.getHeader();
    expect([header.minZoom, header.maxZoom]).toEqual([MIN_ZOOM, MAX_ZOOM]);
    const meta = (await pm.getMetadata()) as { vector_layers: { id: string }[] };
    expect(meta.vector_layers.map((l) => l.id)).toEqual(expect.arrayContaining(NAMES[schema].layers));
    const { x, y } = tileOf(...STREET.middle, 16);
    const got = await pm.getZxy(16, x, y);
    expect(got).toBeDefined();
    // The pmtiles reader decompresses the tile as the header says (gzip).
    const tile = new VectorTile(new Protobuf(new Uint8Array(got?.data ?? new ArrayBuffer(0))));
    expect(values(tile, NAMES[schema].streets, 'name')).toContain(STREET.name);
    expect(await pm.getZxy(16, x + 40, y)).toBeUndefined();
  });

  it.each(['mbtiles', 'pmtiles'])('as %s is served by Vigie with every feature kind', async (ext) => {
    const file = join(tempDir(), `streets-${schema}.${ext}`);
    writeVectorTileFile(file, schema);
    const source = openBasemapFile(file);
    opened.push(source);
    expect(source.meta.kind).toBe('vector');
    expect(source.meta.schema).toBe(schema);
    expect(source.meta.vectorLayers.map((l) => l.id)).toEqual(expect.arrayContaining(NAMES[schema].layers));
    for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
      const { x, y } = tileOf(...STREET.middle, z);
      const stored = await source.getTile(z, x, y);
      expect(stored?.encoding).toBe('gzip');
      if (!stored) continue;
      const tile = new VectorTile(new Protobuf(decodeTile(stored)));
      expect(values(tile, NAMES[schema].streets, 'name')).toContain(STREET.name);
      if (z === MAX_ZOOM) {
        const { x: hx, y: hy } = tileOf(...HOUSE.at, z);
        const house = await source.getTile(z, hx, hy);
        const ht = house ? new VectorTile(new Protobuf(decodeTile(house))) : null;
        const [layer, key] = NAMES[schema].housenumber;
        expect(ht ? values(ht, layer, key) : []).toContain(HOUSE.number);
      }
    }
  });
});
