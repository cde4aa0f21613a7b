// `vigie export --db FILE --what incidents|units --format csv|geojson [--out FILE]`: everything,
// closed incidents included. Without --out the file goes to stdout.
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../store/db.js';
import { listIncidentRows } from '../services/incidents.js';
import { incidentsToCsv, incidentsToGeoJson } from '../../shared/incident-export.js';
import { hostCountry } from '../store/meta.js';
import { offlineContext } from '../services/offline-context.js';
import type { AppPaths } from '../app-root.js';
import type { Io } from './commands.js';
import { parse, resolveDb, UsageError, requireDatabase } from './args.js';
import { exportUnits } from './export-units.js';

const WHAT = ['incidents', 'units'] as const;
const FORMATS = ['csv', 'geojson'] as const;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (!value || !allowed.includes(value as T)) {
    throw new UsageError(
      `--${flag}: expected one of ${allowed.join(', ')}, got ${value === undefined ? 'nothing' : `"${value}"`}`,
    );
  }
  return value as T;
}

export function exportCommand(argv: string[], _paths: AppPaths, io: Io): number {
  const { values } = parse(argv, {
    db: { type: 'string' },
    what: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const what = oneOf('what', values.what, WHAT);
  const format = oneOf('format', values.format, FORMATS);
  const file = resolveDb(values.db);
  requireDatabase(file);
  const db = openDatabase(file, { mustExist: true });
  try {
    let text: string;
    if (what === 'incidents') {
      const rows = listIncidentRows(offlineContext(db), {
        includeClosed: true,
        limit: Number.MAX_SAFE_INTEGER,
      });
      text =
        format === 'csv'
          ? incidentsToCsv(rows, hostCountry(db))
          : JSON.stringify(incidentsToGeoJson(rows, hostCountry(db)), null, 2) + '\n';
    } else {
      text = exportUnits(db, format);
    }
    if (values.out) writeFileSync(values.out, text);
    else io.out(text.replace(/\r?\n$/, ''));
    return 0;
  } finally {
    db.close();
  }
}
