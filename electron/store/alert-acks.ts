// The alerts each desk has acknowledged: one row per (alert, desk), kept so that a banner stays
// down after a reload and a supervisor's desk can tell an alert nobody answered.
import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { AlertAck } from '../../shared/awareness.js';

export function findAlertAck(db: Db, key: string, desk: string): AlertAck | null {
  return (
    (db
      .prepare('SELECT key, desk, operator, at FROM alert_acks WHERE key = ? AND desk = ?')
      .get(key, desk) as AlertAck | undefined) ?? null
  );
}

export function insertAlertAck(db: Db, a: AlertAck): void {
  db.prepare('INSERT INTO alert_acks (key, desk, operator, at) VALUES (@key, @desk, @operator, @at)').run({
    ...a,
  });
  touch(db, 'alert_acks', a.key, a.desk);
}

/** Acknowledgements made at or after `since` (operation time), oldest first. */
export function listAlertAcks(db: Db, since: string): AlertAck[] {
  return db
    .prepare('SELECT key, desk, operator, at FROM alert_acks WHERE at >= ? ORDER BY at, key, desk')
    .all(since) as AlertAck[];
}
