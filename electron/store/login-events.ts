// A login's recent sign-in failures and lockouts, read back from the journal (where they are
// recorded as security events) by the sign-in check.
import type { Db } from './db.js';

export interface LoginEvent {
  action: string;
  recordedAt: string;
  reason: string | null;
  until: string | null;
}

export function loginEvents(db: Db, login: string, sinceRecorded: string): LoginEvent[] {
  const rows = db
    .prepare(
      `SELECT action, recorded_at AS "recordedAt", data FROM journal
       WHERE entity_id = ? AND entity_type = 'login' AND recorded_at >= ? ORDER BY seq`,
    )
    .all(login, sinceRecorded) as { action: string; recordedAt: string; data: string }[];
  return rows.map((r) => {
    const d = JSON.parse(r.data) as { reason?: string; until?: string };
    return { action: r.action, recordedAt: r.recordedAt, reason: d.reason ?? null, until: d.until ?? null };
  });
}
