// `vigie verify`: the engine's own integrity check, the journal's whole hash chain (never only
// from the checkpoint, which it checks too), the journal's
// after-images replayed against the tables, and the schema against what the migrations make (a
// dropped append-only trigger is a failure).
import { integrityCheck, type Db } from '../store/db.js';
import { verifyChain } from '../store/journal.js';
import { replayJournal } from '../store/journal-replay.js';
import { checkSchema } from '../store/schema-check.js';
import type { VerifyResult } from '../../shared/domain.js';
import { checkHead, type HeadToCheck } from './head-anchor.js';
import { readCheckpoint } from '../store/journal-checkpoint.js';
import { checkpointProblem } from './chain-check.js';

export interface VerifyOptions {
  /** A head anchored outside the database (head file, --expect-head) the journal must still hold. */
  head?: HeadToCheck | undefined;
}

export function verifyDatabase(db: Db, o: VerifyOptions = {}): VerifyResult {
  const integrity = integrityCheck(db);
  const journal = verifyChain(db);
  const head = o.head && checkHead(db, o.head);
  const cp = readCheckpoint(db);
  const checkpoint = cp && { ...cp, reason: checkpointProblem(db, cp) };
  const schema = checkSchema(db);
  // A broken chain already says the journal cannot be trusted, and a table or column gone says the
  // schema cannot: replaying either would prove nothing.
  const tablesWhole = schema.missingTables.length === 0 && schema.missingColumns.length === 0;
  const replay = journal.ok && tablesWhole ? replayJournal(db) : undefined;
  return {
    ok:
      integrity === 'ok' &&
      journal.ok &&
      (replay?.ok ?? false) &&
      schema.ok &&
      (head?.ok ?? true) &&
      (checkpoint?.reason ?? null) === null,
    integrity,
    journal,
    ...(replay ? { replay } : {}),
    schema,
    ...(head && { head }),
    ...(checkpoint && {
      checkpoint: {
        ok: checkpoint.reason === null,
        seq: checkpoint.seq,
        verifiedAt: checkpoint.verifiedAt,
        reason: checkpoint.reason,
      },
    }),
  };
}
