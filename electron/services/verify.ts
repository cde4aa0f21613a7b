// `vigie verify`: the engine's own integrity check, the journal's hash chain, the journal's
// after-images replayed against the tables, and the schema against what the migrations make (a
// dropped append-only trigger is a failure).
import { integrityCheck, type Db } from '../store/db.js';
import { verifyChain } from '../store/journal.js';
import { replayJournal } from '../store/journal-replay.js';
import { checkSchema } from '../store/schema-check.js';
import type { VerifyResult } from '../../shared/domain.js';

export function verifyDatabase(db: Db): VerifyResult {
  const integrity = integrityCheck(db);
  const journal = verifyChain(db);
  // A broken chain already says the journal cannot be trusted: replaying it would prove nothing.
  const replay = journal.ok ? replayJournal(db) : undefined;
  const schema = checkSchema(db);
  return {
    ok: integrity === 'ok' && journal.ok && (replay?.ok ?? false) && schema.ok,
    integrity,
    journal,
    ...(replay ? { replay } : {}),
    schema,
  };
}
