// Which operator base map a running Vigie serves: one slot per open database, shared by the
// contract's getBasemap/setBasemap and the tile routes of the browser host and the app:// protocol.
import type { BasemapInfo } from '../../shared/api/map.js';
import { openBasemapFile } from './open.js';
import type { Tile, TileSource } from './types.js';

/** How long a replaced file stays open, so tile reads already under way can finish. */
const CLOSE_DELAY_MS = 5000;

export class BasemapSlot {
  private source: TileSource | null = null;
  private generation = 0;

  /** Opens the file (refusing a bad one with a TileFileError, keeping the current map); null returns to the built-in map. */
  load(path: string | null): BasemapInfo | null {
    const next = path === null ? null : openBasemapFile(path);
    const previous = this.source;
    this.source = next;
    this.generation++;
    if (previous) setTimeout(() => previous.close(), CLOSE_DELAY_MS).unref();
    return this.info();
  }

  info(): BasemapInfo | null {
    if (!this.source) return null;
    const v = `?v=${this.generation}`;
    return {
      ...this.source.meta,
      tilejson: `tiles/meta.json${v}`,
      tiles: `tiles/{z}/{x}/{y}${v}`,
      generation: this.generation,
    };
  }

  tile(z: number, x: number, y: number): Promise<Tile | null> {
    return this.source ? this.source.getTile(z, x, y) : Promise.resolve(null);
  }

  /** The tile read synchronously (null without a file or a tile there), for the services' own reads. */
  tileSync(z: number, x: number, y: number): Tile | null {
    return this.source ? this.source.tileSync(z, x, y) : null;
  }

  close(): void {
    this.source?.close();
    this.source = null;
  }
}

const slots = new WeakMap<object, BasemapSlot>();

/** The slot of one running Vigie, keyed by its database handle (the services' ctx.db). */
export function basemapSlot(owner: object): BasemapSlot {
  let slot = slots.get(owner);
  if (!slot) {
    slot = new BasemapSlot();
    slots.set(owner, slot);
  }
  return slot;
}

/** Keeps the running map when the database handle changes (a restore reopens the file). */
export function moveBasemapSlot(from: object, to: object): void {
  const slot = slots.get(from);
  if (!slot) return;
  slots.delete(from);
  slots.set(to, slot);
}
