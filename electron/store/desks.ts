// The room's desks, read from the sign-ins that name them (operators): who sat there last, with
// which role, contingent and country, and whether they are still signed in.
import type { Db } from './db.js';
import type { DeskInfo } from '../../shared/awareness.js';
import type { Role } from '../../shared/roles.js';

interface Row {
  desk: string;
  operator: string;
  role: string;
  contingent_id: string | null;
  country: string | null;
  signed_out_at: string | null;
  signed_in_at: string;
}

/** Every desk anyone has signed in at, by name, with its latest sign-in. */
export function listDesks(db: Db): DeskInfo[] {
  const rows = db
    .prepare(
      // A liaison reads for their contingent's country, an observer for the account's own.
      `SELECT o.desk, o.name AS operator, o.role, a.contingent_id, coalesce(a.country, c.country) AS country,
         o.signed_out_at, o.signed_in_at
       FROM operators o LEFT JOIN accounts a ON a.id = o.account_id LEFT JOIN contingents c ON c.id = a.contingent_id
       WHERE o.signed_in_at = (SELECT max(p.signed_in_at) FROM operators p WHERE p.desk = o.desk)
       ORDER BY o.desk, o.id`,
    )
    .all() as Row[];
  const out = new Map<string, DeskInfo>();
  for (const r of rows) {
    // Two sign-ins at the same instant: the later id wins (ids are time-ordered).
    out.set(r.desk, {
      desk: r.desk,
      operator: r.operator,
      role: r.role as Role,
      contingentId: r.contingent_id,
      country: r.country,
      signedIn: r.signed_out_at === null,
      lastSignInAt: r.signed_in_at,
    });
  }
  return [...out.values()];
}

/** The desk as its latest sign-in records it, or null when nobody ever signed in there. */
export function findDesk(db: Db, desk: string): DeskInfo | null {
  return listDesks(db).find((d) => d.desk.toLowerCase() === desk.toLowerCase()) ?? null;
}
