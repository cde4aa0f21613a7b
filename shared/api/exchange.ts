// Exchange with partners' tools: export units, incidents and zones as GeoJSON, CSV, KML or
// Cursor-on-Target (exportData), and import zones and points from KML or GeoJSON (importFeatures).
import { z } from 'zod';
import { call, line } from './call.js';
import { EXCHANGE_FORMATS, EXCHANGE_WHAT } from '../exchange/formats.js';
import type { Marking } from '../releasability.js';
import { zoneFileText, type ZoneImportResult } from './map.js';

export interface ExchangeExport {
  /** A suggested name, "vigie-zones-20241126-1430.kml". */
  fileName: string;
  mime: string;
  text: string;
  /** Items written. */
  count: number;
  /** The file's marking: where every item in it may go. */
  marking: Marking;
  releasability: string;
}

export const IMPORT_FORMATS = ['geojson', 'kml'] as const;

export interface FeatureImportResult extends ZoneImportResult {
  fileName: string;
  format: (typeof IMPORT_FORMATS)[number];
  /** Of the zones, how many were points (drawn as small round zones). */
  points: number;
}

export const exchangeCalls = {
  exportData: call<ExchangeExport>()(
    z.object({ what: z.enum(EXCHANGE_WHAT), format: z.enum(EXCHANGE_FORMATS) }).strict(),
  ),
  importFeatures: call<FeatureImportResult>()(
    z
      .object({
        fileName: line(255),
        /** Absent: told by the file name's extension (.kml, .geojson, .json), then by its content. */
        format: z.enum(IMPORT_FORMATS).optional(),
        text: zoneFileText,
        dryRun: z.boolean().default(false),
      })
      .strict(),
  ),
};
