// `vigie verify`: SQLite's own integrity check plus the journal's hash chain.
import type { Db } from '../store/db.js';
import { verifyChain } from '../store/journal.js';
import type { VerifyResult } from '../../shared/domain.js';

export function verifyDatabase(db: Db): VerifyResult {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const integrity = rows.map((r) => r.integrity_check).join('; ');
  const journal = verifyChain(db);
  return { ok: integrity === 'ok' && journal.ok, integrity, journal };
}
