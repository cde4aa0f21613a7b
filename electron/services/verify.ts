// `vigie verify`: the engine's own integrity check, the journal's hash chain, the journal's
// after-images replayed against the tables, and the schema against what the migrations make (a
// dropped append-only trigger is a failure).
import { integrityCheck, type Db } from '../store/db.js';
import { verifyChain } from '../store/journal.js';
import { replayJournal } from '../store/journal-replay.js';
import { checkSchema } from '../store/schema-check.js';
import type { VerifyResult } from '../../shared/domain.js';
import { checkHead, type HeadToCheck } from './head-anchor.js';

export interface VerifyOptions {
  /** A head anchored outside the database (head file, --expect-head) the journal must still hold. */
  head?: HeadToCheck | undefined;
}

export function verifyDatabase(db: Db, o: VerifyOptions = {}): VerifyResult {
  const integrity = integrityCheck(db);
  const journal = verifyChain(db);
  const head = o.head && checkHead(db, o.head);
  // A broken chain already says the journal cannot be trusted: replaying it would prove nothing.
  const replay = journal.ok ? replayJournal(db) : undefined;
  const schema = checkSchema(db);
  return {
    ok: integrity === 'ok' && journal.ok && (replay?.ok ?? false) && schema.ok && (head?.ok ?? true),
    integrity,
    journal,
    ...(replay ? { replay } : {}),
    schema,
    ...(head && { head }),
  };
}
