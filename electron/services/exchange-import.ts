// importFeatures: zones and points from a partner's KML or GeoJSON file, all or nothing. A KML file
// is read to GeoJSON (@tmcw/togeojson over @xmldom/xmldom), then both go through the zone checks of
// shared/zone-geojson.ts; points become small round zones (shared/exchange/points.ts).
import type * as Xmldom from '@xmldom/xmldom';
import type { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import type { z } from 'zod';
import type { exchangeCalls, FeatureImportResult } from '../../shared/api/exchange.js';
import { parseZoneFeatures, type ZoneFileResult } from '../../shared/zone-geojson.js';
import type { Ctx } from './context.js';
import type { Desk } from './desk.js';
import { applyZoneFile } from './zones.js';
import { lazyModule } from '../lazy-module.js';

// The XML parser loads when a KML file first arrives, not at every start.
const xmldom = lazyModule<typeof Xmldom>('@xmldom/xmldom');

type Input = z.output<(typeof exchangeCalls)['importFeatures']['input']>;
type Format = FeatureImportResult['format'];

const fileProblem = (message: string): ZoneFileResult => ({
  ok: false,
  problems: [{ index: null, path: '(file)', message }],
});

/** The format the caller named, else the file's extension, else its first character. */
export function importFormat(fileName: string, text: string, given?: Format): Format {
  if (given) return given;
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'kml') return 'kml';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  return text.trimStart().startsWith('<') ? 'kml' : 'geojson';
}

/**
 * What Vigie and other tools write in KML ExtendedData, as the zone reader expects it: the marking
 * as its JSON text (["ES"], null), the colour from a KML style's fill when the file gives no `color`.
 */
function fromKmlProperties(p: Record<string, unknown>): Record<string, unknown> {
  const out = { ...p };
  if (typeof out.marking === 'string') {
    const raw = out.marking.trim();
    try {
      out.marking = raw === '' ? null : (JSON.parse(raw) as unknown);
    } catch {
      // Left as text: the zone reader names it as a bad marking.
    }
  }
  if (out.color === undefined && typeof out.fill === 'string') out.color = out.fill;
  return out;
}

/** A KML document read to GeoJSON, or the reason it cannot be. */
export function readKml(text: string): { ok: true; root: unknown } | { ok: false; problem: string } {
  const errors: string[] = [];
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new (xmldom().DOMParser)({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (err) {
    return { ok: false, problem: `not well-formed XML: ${(err as Error).message.split('\n')[0]}` };
  }
  if (errors.length) return { ok: false, problem: `not well-formed XML: ${errors[0]?.split('\n')[0]}` };
  const root = doc.documentElement;
  if (!root || root.localName !== 'kml')
    return { ok: false, problem: `not KML: the root element is <${root?.nodeName ?? 'nothing'}>, not <kml>` };
  const fc = kml(doc);
  return {
    ok: true,
    root: {
      ...fc,
      features: fc.features.map((f) => ({ ...f, properties: fromKmlProperties(f.properties ?? {}) })),
    },
  };
}

/** The file read as zones; every message names the file. */
export function readFeatureFile(fileName: string, text: string, format: Format): ZoneFileResult {
  let parsed: ZoneFileResult;
  if (format === 'kml') {
    const read = readKml(text);
    parsed = read.ok ? parseZoneFeatures(read.root, { points: true }) : fileProblem(read.problem);
  } else {
    let root: unknown;
    try {
      root = JSON.parse(text);
    } catch (err) {
      return fileProblem(`${fileName}: not JSON: ${(err as Error).message}`);
    }
    parsed = parseZoneFeatures(root, { points: true });
  }
  if (parsed.ok) return parsed;
  return {
    ok: false,
    problems: parsed.problems.map((p) => ({ ...p, message: `${fileName}: ${p.message}` })),
  };
}

export function importFeatures(ctx: Ctx, desk: Desk, input: Input): FeatureImportResult {
  const format = importFormat(input.fileName, input.text, input.format);
  const parsed = readFeatureFile(input.fileName, input.text, format);
  const result = applyZoneFile(
    ctx,
    desk,
    parsed,
    input.dryRun,
    'importFeatures',
    `${format} file ${input.fileName}`,
  );
  const points = parsed.ok ? parsed.zones.filter((z) => z.point).length : 0;
  return { ...result, fileName: input.fileName, format, points };
}
