// Operator base maps: MBTiles and PMTiles files the tests write themselves, served by the browser
// host at /tiles/{z}/{x}/{y} byte for byte, with /tiles/meta.json, and refused with a clear reason
// when the file is not a tile file.
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { zxyToTileId } from 'pmtiles';
import { startHost, type Host } from '../../electron/host/server.js';
import { basemapSlot, BasemapSlot } from '../../electron/tiles/slot.js';
import { basemapArgument } from '../../electron/tiles/args.js';
import { TileFileError } from '../../electron/tiles/types.js';
import { tempDir } from '../support/temp.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { addPerson, signInAs } from '../support/sign-in.js';
import { writeMbtiles, writePmtiles, type DirEntry } from '../fixtures/tiles/write.js';

const bytes = (...n: number[]) => Uint8Array.from(n);
/** A fake vector tile: arbitrary bytes do, the server never parses them. */
const pbf = (seed: number) =>
  gzipSync(Buffer.from(Array.from({ length: 40 + seed }, (_, i) => (i * 7 + seed) % 256)));
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET without any automatic decoding, so the bytes are exactly what was sent. */
function get(host: Host, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const hosts: Host[] = [];
const slots: BasemapSlot[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()?.close();
  while (slots.length) slots.pop()?.close();
});

async function serve(file: string | null): Promise<{ host: Host; slot: BasemapSlot }> {
  const slot = new BasemapSlot();
  slots.push(slot);
  if (file) slot.load(file);
  const { app } = testApp();
  const host = await startHost({
    handlers: app.handlers,
    db: () => app.db,
    rendererDir: tempDir(),
    resourcesDir: tempDir(),
    port: 0,
    basemap: slot,
  });
  hosts.push(host);
  return { host, slot };
}

describe('MBTiles', () => {
  const tiles = [
    { z: 0, x: 0, y: 0, data: pbf(0) },
    { z: 2, x: 1, y: 1, data: pbf(1) },
    { z: 2, x: 2, y: 3, data: pbf(2) },
  ];
  function file(): string {
    const f = join(tempDir(), 'paris.mbtiles');
    writeMbtiles(f, tiles, {
      name: 'Paris test',
      format: 'pbf',
      minzoom: '0',
      maxzoom: '2',
      bounds: '2.2,48.8,2.5,48.95',
      center: '2.35,48.86,2',
      json: JSON.stringify({ vector_layers: [{ id: 'roads', fields: { name: 'String' } }] }),
    });
    return f;
  }

  it('serves every tile byte for byte at its XYZ address (the file stores TMS rows), gzip passed through', async () => {
    const { host } = await serve(file());
    for (const t of tiles) {
      const r = await get(host, `/tiles/${t.z}/${t.x}/${t.y}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('application/x-protobuf');
      expect(r.headers['content-encoding']).toBe('gzip');
      expect(Buffer.compare(r.body, Buffer.from(t.data))).toBe(0);
    }
    // The same address with the row counted TMS-style is a different (absent) tile.
    expect((await get(host, '/tiles/2/1/2')).status).toBe(404);
  });

  it('decompresses for a client that does not accept gzip, and 404s for missing or impossible tiles', async () => {
    const { host } = await serve(file());
    const plain = await get(host, '/tiles/2/1/1.pbf');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBe(41);
    for (const path of ['/tiles/1/0/0', '/tiles/2/4/0', '/tiles/27/0/0', '/tiles/a/b/c', '/tiles/2/1']) {
      const r = await get(host, path);
      expect(r.status, path).toBe(404);
      expect(JSON.parse(r.body.toString()).error.code).toBe('not_found');
    }
  });

  it('describes itself as TileJSON at /tiles/meta.json, usable as a maplibre source url', async () => {
    const { host } = await serve(file());
    const r = await get(host, '/tiles/meta.json');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.toString())).toMatchObject({
      tilejson: '3.0.0',
      name: 'Paris test',
      format: 'pbf',
      scheme: 'xyz',
      tiles: [`http://127.0.0.1:${host.port}/tiles/{z}/{x}/{y}?v=1`],
      minzoom: 0,
      maxzoom: 2,
      bounds: [2.2, 48.8, 2.5, 48.95],
      center: [2.35, 48.86, 2],
      vector_layers: [{ id: 'roads', fields: { name: 'String' } }],
    });
  });

  it('reads a raster MBTiles without a format entry by sniffing its tiles', async () => {
    const f = join(tempDir(), 'raster.mbtiles');
    writeMbtiles(f, [{ z: 1, x: 1, y: 0, data: PNG }], { name: 'Raster' });
    const { host, slot } = await serve(f);
    expect(slot.info()).toMatchObject({
      format: 'mbtiles',
      tileType: 'png',
      kind: 'raster',
      minzoom: 1,
      maxzoom: 1,
    });
    const r = await get(host, '/tiles/1/1/0', { 'accept-encoding': 'gzip' });
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(Buffer.compare(r.body, Buffer.from(PNG))).toBe(0);
  });
});

describe('PMTiles v3', () => {
  it('anchors the tile ids used below to the spec (Hilbert order)', () => {
    expect([
      zxyToTileId(0, 0, 0),
      zxyToTileId(1, 0, 0),
      zxyToTileId(1, 0, 1),
      zxyToTileId(1, 1, 1),
      zxyToTileId(1, 1, 0),
    ]).toEqual([0, 1, 2, 3, 4]);
  });

  function vectorArchive(): { file: string; data: Map<string, Uint8Array> } {
    // Tiles 0/0/0, 1/0/0 and 1/0/1 (the last two share bytes: one entry with runLength 2), 1/1/0.
    const a = pbf(3);
    const b = pbf(4);
    const c = pbf(5);
    const tileData = Buffer.concat([a, b, c]);
    const root: DirEntry[] = [
      { tileId: 0, offset: 0, length: a.length, runLength: 1 },
      { tileId: 1, offset: a.length, length: b.length, runLength: 2 },
      { tileId: 4, offset: a.length + b.length, length: c.length, runLength: 1 },
    ];
    const file = join(tempDir(), 'paris.pmtiles');
    writePmtiles(file, {
      tileType: 1,
      tileCompression: 2,
      minZoom: 0,
      maxZoom: 1,
      bounds: [2.2, 48.8, 2.5, 48.95],
      metadata: { name: 'PM Paris', vector_layers: [{ id: 'water', fields: {} }], attribution: 'test data' },
      tileData,
      root,
    });
    return {
      file,
      data: new Map([
        ['0/0/0', a],
        ['1/0/0', b],
        ['1/0/1', b],
        ['1/1/0', c],
      ]),
    };
  }

  it('serves every tile byte for byte, run-length entries included, with Content-Encoding gzip', async () => {
    const { file, data } = vectorArchive();
    const { host, slot } = await serve(file);
    expect(slot.info()).toMatchObject({
      format: 'pmtiles',
      name: 'PM Paris',
      tileType: 'pbf',
      kind: 'vector',
      minzoom: 0,
      maxzoom: 1,
    });
    for (const [zxy, expected] of data) {
      const r = await get(host, `/tiles/${zxy}`, { 'accept-encoding': 'gzip' });
      expect(r.status, zxy).toBe(200);
      expect(r.headers['content-encoding']).toBe('gzip');
      expect(r.headers['content-type']).toBe('application/x-protobuf');
      expect(Buffer.compare(r.body, Buffer.from(expected)), zxy).toBe(0);
    }
    expect((await get(host, '/tiles/1/1/1')).status).toBe(404);
    expect((await get(host, '/tiles/2/0/0')).status).toBe(404);
    const meta = JSON.parse((await get(host, '/tiles/meta.json')).body.toString());
    expect(meta).toMatchObject({
      name: 'PM Paris',
      format: 'pbf',
      minzoom: 0,
      maxzoom: 1,
      attribution: 'test data',
      vector_layers: [{ id: 'water' }],
    });
    expect(meta.bounds).toEqual([2.2, 48.8, 2.5, 48.95]);
  });

  it('follows a leaf directory', async () => {
    const tile = PNG;
    const leaf: DirEntry[] = [
      { tileId: zxyToTileId(2, 1, 1), offset: 0, length: tile.length, runLength: 1 },
      { tileId: zxyToTileId(2, 2, 2), offset: 0, length: tile.length, runLength: 1 },
    ];
    const file = join(tempDir(), 'leaf.pmtiles');
    writePmtiles(file, {
      tileType: 2,
      tileCompression: 1,
      minZoom: 2,
      maxZoom: 2,
      bounds: [2.2, 48.8, 2.5, 48.95],
      metadata: {},
      tileData: tile,
      root: [{ tileId: leaf[0]?.tileId ?? 0, offset: 0, length: 0, runLength: 0 }],
      leaves: [leaf],
    });
    const { host } = await serve(file);
    for (const zxy of ['2/1/1', '2/2/2']) {
      const r = await get(host, `/tiles/${zxy}`, { 'accept-encoding': 'gzip' });
      expect(r.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(r.body, Buffer.from(tile)), zxy).toBe(0);
    }
    expect((await get(host, '/tiles/2/0/0')).status).toBe(404);
  });
});

describe('refusing files that are not base maps', () => {
  const dir = () => {
    const d = tempDir();
    mkdirSync(join(d, 'sub'));
    return d;
  };

  it('names the file and what is wrong with it; the current map stays', () => {
    const d = dir();
    const text = join(d, 'notes.mbtiles');
    writeFileSync(text, 'hello, this is not SQLite');
    const noTiles = join(d, 'empty.mbtiles');
    const sqlite = new Database(noTiles);
    sqlite.exec('CREATE TABLE metadata (name TEXT, value TEXT)');
    sqlite.close();
    const truncated = join(d, 'cut.pmtiles');
    const header = Buffer.alloc(127);
    header.write('PMTiles', 0, 'latin1');
    header.writeUInt8(3, 7);
    header.writeBigUInt64LE(127n, 8);
    header.writeBigUInt64LE(500n, 16);
    writeFileSync(truncated, header);
    const v2 = join(d, 'old.pmtiles');
    writeFileSync(v2, Buffer.concat([Buffer.from('PMTiles'), Buffer.from([2]), Buffer.alloc(200)]));
    const cases: [string, RegExp][] = [
      [text, /notes\.mbtiles: not an MBTiles or PMTiles file/],
      [noTiles, /empty\.mbtiles: not an MBTiles file \(no "tiles" table\)/],
      [truncated, /cut\.pmtiles: truncated or damaged PMTiles file/],
      [v2, /old\.pmtiles: PMTiles version 2; Vigie reads version 3/],
      [join(d, 'missing.pmtiles'), /missing\.pmtiles: no such file/],
      [join(d, 'sub'), /sub: not a file/],
      ['relative.mbtiles', /give the full path/],
    ];
    const slot = new BasemapSlot();
    slots.push(slot);
    for (const [path, message] of cases) {
      expect(() => slot.load(path), path).toThrow(TileFileError);
      expect(() => slot.load(path), path).toThrow(message);
      expect(slot.info()).toBeNull();
    }
  });

  it('answers 404 at /tiles/ while the built-in map is in use', async () => {
    const { host } = await serve(null);
    expect((await get(host, '/tiles/meta.json')).status).toBe(404);
    expect(JSON.parse((await get(host, '/tiles/0/0/0')).body.toString()).error.message).toMatch(
      /No operator base map/,
    );
  });
});

describe('the contract: getBasemap and setBasemap', () => {
  it('loads a file under the signed-in operator, journals it, and returns to the built-in map with null', () => {
    const t = testApp();
    const f = join(tempDir(), 'paris.mbtiles');
    writeMbtiles(f, [{ z: 0, x: 0, y: 0, data: pbf(9) }], { name: 'Paris', format: 'pbf' });
    expectApiError(() => t.call('getBasemap', {}), 'unauthorized');
    signInAs(t.call, 'officer', 'MAP');
    expect(t.call('getBasemap', {})).toEqual({ basemap: null });
    // The base map is the whole room's: a supervisor's to change.
    expectApiError(() => t.call('setBasemap', { path: f }), 'forbidden');
    signInAs(t.call, addPerson(t.app.ctx, 'Lt. Marc Dubois', 'supervisor'), 'MAP');
    const { basemap } = t.call('setBasemap', { path: f });
    slots.push(basemapSlot(t.app.db));
    expect(basemap).toMatchObject({
      format: 'mbtiles',
      file: 'paris.mbtiles',
      name: 'Paris',
      tileType: 'pbf',
      tiles: 'tiles/{z}/{x}/{y}?v=1',
      tilejson: 'tiles/meta.json?v=1',
      generation: 1,
    });
    expect(t.call('getBasemap', {}).basemap?.generation).toBe(1);
    const bad = expectApiError(
      () => t.call('setBasemap', { path: join(tempDir(), 'nope.pmtiles') }),
      'invalid_input',
      /no such file/,
    );
    expect(bad.issues?.[0]?.path).toBe('path');
    expect(t.call('getBasemap', {}).basemap?.file).toBe('paris.mbtiles');
    expect(t.call('setBasemap', { path: null })).toEqual({ basemap: null });
    const actions = t.call('listJournal', { limit: 3 }).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['basemap.cleared', 'basemap.loaded']);
    expect(t.call('listJournal', { limit: 1 })[0]).toMatchObject({
      operator: 'Lt. Marc Dubois',
      role: 'supervisor',
      desk: 'MAP',
    });
  });

  it('reads --basemap FILE and --basemap=FILE from the desktop command line, as absolute paths', () => {
    expect(
      basemapArgument(['electron', 'main.cjs', '--db', 'x.db', '--basemap', 'maps/p.pmtiles'], '/home/op'),
    ).toBe('/home/op/maps/p.pmtiles');
    expect(basemapArgument(['--basemap=/srv/p.mbtiles'], '/')).toBe('/srv/p.mbtiles');
    expect(basemapArgument(['--db', 'x.db'], '/')).toBeUndefined();
    expect(() => basemapArgument(['--basemap'], '/')).toThrow(/needs a file path/);
  });
});
