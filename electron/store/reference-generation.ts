// The reference data's counter (migration 013): raised by the database's own triggers at every
// write to venues, routes, their bridges, zones or the host nation, from any process or tool.
import type { Ahead, Db } from './db.js';

const READ = 'SELECT n FROM reference_generation WHERE id = 1';

const counterOf = (row: { n: number | string } | undefined): number | null => (row ? Number(row.n) : null);

/** The counter now (equal readings: the reference data did not change in between); null if absent. */
export function referenceGeneration(db: Db): number | null {
  return counterOf(db.prepare(READ).get() as { n: number } | undefined);
}

/**
 * The counter read at the end of a write's transaction, to name its answer after the commit
 * without a read of its own (on a room the read travels with the COMMIT). Take it with
 * generationOf once the transaction has committed.
 */
export const referenceGenerationAhead = (db: Db): Ahead => db.readAhead(READ);

export const generationOf = (ahead: Ahead): number | null =>
  counterOf(ahead.rows[0] as { n: number } | undefined);
