// Exports for partners' tools (exportData, `vigie export`): units, incidents and zones as GeoJSON,
// CSV, KML or Cursor-on-Target events, holding only what the reader may see. Units carry no marking
// (every desk sees the roster); incidents and zones are filtered by the reader's release scope.
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import {
  CSV_NEEDS_ONE_LAYER,
  EXCHANGE_MIME,
  exchangeFileName,
  type ExchangeFormat,
  type ExchangeWhat,
} from '../../shared/exchange/formats.js';
import { exchangeFile } from '../../shared/exchange/files.js';
import type { ExchangeExport } from '../../shared/api/exchange.js';
import type { Ctx } from './context.js';
import type { Desk } from './desk.js';
import { releaseScope } from './releasability.js';
import { listIncidentRows } from './incident-board.js';
import { listUnitViews } from './units.js';
import { listZones } from '../store/zones.js';
import { listContingents } from '../store/contingents.js';
import { hostCountry } from '../store/meta.js';
import type { ReleaseScope } from '../store/incidents.js';

export interface ExportRequest {
  what: ExchangeWhat;
  format: ExchangeFormat;
}

/** The file for a reader scope (undefined: the host nation, everything). */
export function exportFor(ctx: Ctx, scope: ReleaseScope | undefined, req: ExportRequest): ExchangeExport {
  if (req.format === 'csv' && req.what === 'all')
    throw new ApiError({
      code: 'invalid_input',
      message: `format: ${CSV_NEEDS_ONE_LAYER}`,
      issues: [{ path: 'format', message: CSV_NEEDS_ONE_LAYER }],
    });
  const wants = (w: ExchangeWhat) => req.what === w || req.what === 'all';
  const file = exchangeFile(req.what, req.format, {
    units: wants('units') ? listUnitViews(ctx) : [],
    incidents: wants('incidents')
      ? listIncidentRows(ctx, { includeClosed: true, limit: Number.MAX_SAFE_INTEGER, release: scope })
      : [],
    zones: wants('zones') ? listZones(ctx.db, scope) : [],
    contingents: listContingents(ctx.db),
    host: hostCountry(ctx.db),
    now: ctx.real.now(),
  });
  return {
    fileName: exchangeFileName(req.what, req.format, iso(ctx.clock.now())),
    mime: EXCHANGE_MIME[req.format],
    ...file,
  };
}

/** exportData: what this desk's operator may see. */
export const exportData = (ctx: Ctx, desk: Desk, req: ExportRequest): ExchangeExport =>
  exportFor(ctx, releaseScope(ctx.db, desk), req);
