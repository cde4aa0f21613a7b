// The read that checks a journal against a head anchored outside the database (a head file, a
// backup's head, `verify --expect-head`): the hash of the entry the head names.
import type { Db } from './db.js';

/** The hash of entry `seq`, or null when the journal has no such entry. */
export function entryHashAt(db: Db, seq: number): string | null {
  const row = db.prepare('SELECT hash FROM journal WHERE seq = ?').get(seq) as { hash: string } | undefined;
  return row?.hash ?? null;
}
