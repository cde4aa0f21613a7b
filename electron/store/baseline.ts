// The journal's baseline: when a database that already has a journal reaches schema v8, its
// entries carry no after-images, so one entry records every journaled row as it is. Verify and
// replay start from the last baseline; a database made at v8 needs none.
import type { Db } from './db-types.js';
import { BASELINE_ACTION, JOURNALED_TABLES } from './after-images.js';
import { appendEntry } from './journal.js';

export const AFTER_IMAGES_VERSION = 8;

/** Call in the migration's transaction, with the version the database was at before it. */
export function journalBaseline(db: Db, fromVersion: number): void {
  if (fromVersion === 0 || fromVersion >= AFTER_IMAGES_VERSION) return;
  if (!db.prepare('SELECT seq FROM journal ORDER BY seq DESC LIMIT 1').get()) return;
  let rows = 0;
  for (const [table, key] of Object.entries(JOURNALED_TABLES)) {
    for (const r of db.prepare(`SELECT ${key.join(', ')} FROM ${table}`).all() as Record<string, unknown>[]) {
      db.touched.add(
        table,
        key.map((c) => r[c]),
      );
      rows++;
    }
  }
  const now = new Date().toISOString();
  appendEntry(db, {
    at: now,
    recordedAt: now,
    operator: 'system',
    role: 'system',
    desk: 'system',
    action: BASELINE_ACTION,
    entityType: 'journal',
    entityId: null,
    data: { fromVersion, rows },
  });
}
