// Where the report's resources are (fonts, the Seine): found from this module's location, like
// the rest of the app (electron/app-root.ts), in the source tree, the bundles and the packaged app.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPaths, findAppRoot } from '../app-root.js';
import { reportFonts, type ReportFonts } from '../report/fonts.js';
import { loadWater } from '../report/water.js';
import { loadBase } from '../report/base-geo.js';
import type { BaseLayers, LonLat } from '../../shared/report/model.js';

export interface ReportResources {
  fonts: ReportFonts;
  water: LonLat[][];
  /** Absent: no base map under the markers (tests that build their own resources). */
  base?: BaseLayers;
}

let found: string | null = null;

export function defaultResourcesDir(): string {
  found ??= appPaths(findAppRoot(dirname(fileURLToPath(import.meta.url)))).resources;
  return found;
}

export function reportResources(resourcesDir = defaultResourcesDir()): ReportResources {
  return {
    fonts: reportFonts(join(resourcesDir, 'fonts')),
    water: loadWater(resourcesDir),
    base: loadBase(resourcesDir),
  };
}
