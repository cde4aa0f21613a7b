// The operator's base map (MBTiles or PMTiles) as the contract sees it. The file is opened in the
// main process; its tiles are served by the browser host and the app:// protocol (electron/tiles).
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import type { BasemapInfo } from '../../shared/api/map.js';
import { ApiError } from '../../shared/errors.js';
import { basemapSlot } from '../tiles/slot.js';
import { TileFileError } from '../tiles/types.js';

export const getBasemap = (ctx: Ctx): { basemap: BasemapInfo | null } => ({
  basemap: basemapSlot(ctx.db).info(),
});

/** Loads a file (or, with null, returns to the built-in map), journaled under the operator. */
export function setBasemap(ctx: Ctx, desk: Desk, path: string | null): { basemap: BasemapInfo | null } {
  const who = requireOperator(desk);
  let info: BasemapInfo | null;
  try {
    info = basemapSlot(ctx.db).load(path);
  } catch (err) {
    if (!(err instanceof TileFileError)) throw err;
    throw new ApiError({
      code: 'invalid_input',
      message: `setBasemap: ${err.message}`,
      issues: [{ path: 'path', message: err.message }],
    });
  }
  ctx.db.transaction(() => {
    journal(ctx, who, {
      action: info ? 'basemap.loaded' : 'basemap.cleared',
      entityType: 'basemap',
      entityId: null,
      data: info
        ? { path, format: info.format, name: info.name, tileType: info.tileType, schema: info.schema }
        : {},
    });
  })();
  return { basemap: info };
}
