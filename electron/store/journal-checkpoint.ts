// The journal's checkpoint: the entry up to which a Vigie last found the whole chain good. Opening
// a database checks the chain from there on (services/chain-check.ts) instead of from the first
// entry. One row, written without a journal entry: it records a check of the journal, not a change
// to the operation (like host_sessions, it is neither journaled nor copied).
import type { Db } from './db-types.js';
import type { ChainPoint } from './journal.js';

export interface Checkpoint extends ChainPoint {
  verifiedAt: string;
}

export function readCheckpoint(db: Db): Checkpoint | null {
  if (db.schemaVersion() < CHECKPOINT_VERSION) return null;
  const row = db.prepare('SELECT seq, hash, verified_at FROM journal_checkpoint WHERE id = 1').get() as
    { seq: number; hash: string; verified_at: string } | undefined;
  return row ? { seq: Number(row.seq), hash: row.hash, verifiedAt: row.verified_at } : null;
}

/** Moves the checkpoint forward to `at` (never back: another server of a room may have checked further). */
export function writeCheckpoint(db: Db, at: ChainPoint, verifiedAt: string): void {
  if (db.readonly || db.schemaVersion() < CHECKPOINT_VERSION) return;
  db.prepare(
    `INSERT INTO journal_checkpoint (id, seq, hash, verified_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, verified_at = excluded.verified_at
     WHERE excluded.seq >= journal_checkpoint.seq`,
  ).run(at.seq, at.hash, verifiedAt);
}

export const CHECKPOINT_VERSION = 12;
