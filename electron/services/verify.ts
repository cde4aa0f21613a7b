// `vigie verify`: SQLite's own integrity check plus the journal's hash chain.
import { integrityCheck, type Db } from '../store/db.js';
import { verifyChain } from '../store/journal.js';
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
  const ok = integrity === 'ok' && journal.ok && (head?.ok ?? true);
  return { ok, integrity, journal, ...(head && { head }) };
}
