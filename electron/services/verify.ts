// `vigie verify`: SQLite's own integrity check plus the journal's hash chain.
import { integrityCheck, type Db } from '../store/db.js';
import { verifyChain } from '../store/journal.js';
import type { VerifyResult } from '../../shared/domain.js';

export function verifyDatabase(db: Db): VerifyResult {
  const integrity = integrityCheck(db);
  const journal = verifyChain(db);
  return { ok: integrity === 'ok' && journal.ok, integrity, journal };
}
