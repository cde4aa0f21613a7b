// The units half of `vigie export`: the roster CSV (re-importable) or GeoJSON points.
import type { Db } from '../store/db.js';
import { listContingents } from '../store/contingents.js';
import { listUnitViews } from '../services/units.js';
import { offlineContext } from '../services/offline-context.js';
import { unitsToCsv, unitsToGeoJson } from '../../shared/unit-export.js';

export function exportUnits(db: Db, format: 'csv' | 'geojson'): string {
  const units = listUnitViews(offlineContext(db));
  if (format === 'csv') return unitsToCsv(units, listContingents(db));
  return JSON.stringify(unitsToGeoJson(units), null, 2) + '\n';
}
