// Exchange with partners' tools: export units, incidents and zones as GeoJSON, CSV, KML or
// Cursor-on-Target (exportData), and import zones and points from KML or GeoJSON (importFeatures).
import { z } from 'zod';
import { call, id, line, none } from './call.js';
import { country } from './operators.js';
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

/** The room's TAK server, as `vigie serve --tak` set it; null when none was given. */
export interface TakServerView {
  to: string | null;
  tls: boolean;
}

/** A send to the TAK server: started by sendToTak, followed with takSendStatus. */
export interface TakSendView {
  id: string;
  to: string;
  tls: boolean;
  /** CoT events in the send (one per unit, incident and zone written). */
  events: number;
  /** Where every event sent may go (the file's marking). */
  releasability: string;
  state: 'sending' | 'sent' | 'failed';
  error: string | null;
}

export const exchangeCalls = {
  getTakServer: call<TakServerView>()(none),
  sendToTak: call<TakSendView>()(
    z
      .object({
        what: z.enum(EXCHANGE_WHAT),
        /** Whose view is sent: ALL = only what is releasable to every partner; a country: what it may see. */
        releasableTo: z.union([z.literal('ALL'), country]),
      })
      .strict(),
  ),
  takSendStatus: call<TakSendView>()(z.object({ id }).strict()),
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
