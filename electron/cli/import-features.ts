// `vigie import-features --db FILE PARTNER.kml|.geojson [--dry-run]`: zones and points from a
// partner's file, all or nothing, as the console's import (electron/services/exchange-import.ts);
// journaled under the shell's user at desk "cli". Prints the result as JSON; a refused file prints
// each problem on stderr and exits 2.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importFeatures } from '../services/exchange-import.js';
import { ApiError } from '../../shared/errors.js';
import { ZONE_LIMITS } from '../../shared/zones.js';
import type { AppPaths } from '../app-root.js';
import type { Io } from './commands.js';
import { parse, UsageError } from './args.js';
import { cliOperator, withOperation } from './import-units.js';

function readText(file: string): string {
  if (!existsSync(file)) throw new UsageError(`no file at ${file}`);
  const bytes = readFileSync(file);
  if (bytes.byteLength > ZONE_LIMITS.bytes) throw new UsageError(`${file} is larger than 5 MB`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text`);
  }
}

export function importFeaturesCommand(argv: string[], _paths: AppPaths, io: Io): number {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  const [file, ...extra] = positionals;
  if (!file || extra.length)
    throw new UsageError('give one KML or GeoJSON file: vigie import-features --db FILE PARTNER.kml');
  const text = readText(file);
  return withOperation(values.db, (ctx) => {
    const desk = { operator: cliOperator(), lockedAt: null };
    try {
      const result = importFeatures(ctx, desk, {
        fileName: basename(file),
        text,
        dryRun: values['dry-run'] === true,
      });
      io.out(JSON.stringify(result, null, 2));
      return 0;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      io.err(`vigie import-features: ${err.message}`);
      for (const i of err.issues ?? []) io.err(`  ${i.path}: ${i.message}`);
      return 2;
    }
  });
}
