// The reference data's counter (migration 013): raised by the database's own triggers at every
// write to venues, routes, their bridges, zones or the host nation, from any process or tool.
import type { Db } from './db.js';

/** The counter now (equal readings: the reference data did not change in between); null if absent. */
export function referenceGeneration(db: Db): number | null {
  const row = db.prepare('SELECT n FROM reference_generation WHERE id = 1').get() as
    { n: number } | undefined;
  return row ? Number(row.n) : null;
}
