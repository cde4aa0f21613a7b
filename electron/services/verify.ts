// `vigie verify`: SQLite's own integrity check, the journal's hash chain, and the schema against
// what the migrations make (a dropped append-only trigger is a failure).
import { integrityCheck, type Db } from '../store/db.js';
import { verifyChain } from '../store/journal.js';
import { checkSchema } from '../store/schema-check.js';
import type { VerifyResult } from '../../shared/domain.js';

export function verifyDatabase(db: Db): VerifyResult {
  const integrity = integrityCheck(db);
  const journal = verifyChain(db);
  const schema = checkSchema(db);
  return { ok: integrity === 'ok' && journal.ok && schema.ok, integrity, journal, schema };
}
