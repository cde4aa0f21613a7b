// The operation's national alert level: one row (id 1), absent until the seed or a supervisor
// first sets it. Optimistic on version like every edited row.
import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { AlertLevel, AlertScale } from '../../shared/awareness.js';

interface Row {
  scale: string;
  level: string;
  reason: string;
  set_at: string | null;
  set_by: string | null;
  set_desk: string | null;
  version: number;
}

const toLevel = (r: Row): AlertLevel => ({
  scale: r.scale as AlertScale,
  level: r.level,
  reason: r.reason,
  setAt: r.set_at,
  setBy: r.set_by,
  setDesk: r.set_desk,
  version: r.version,
});

export function getAlertLevelRow(db: Db): AlertLevel | null {
  const row = db
    .prepare('SELECT scale, level, reason, set_at, set_by, set_desk, version FROM alert_level WHERE id = 1')
    .get() as Row | undefined;
  return row ? toLevel(row) : null;
}

export type AlertLevelWrite = Pick<AlertLevel, 'scale' | 'level' | 'reason' | 'setAt' | 'setBy' | 'setDesk'>;

/** The first level of the operation (version 1); false when a row is already there. */
export function insertAlertLevel(db: Db, l: AlertLevelWrite): boolean {
  const r = db
    .prepare(
      `INSERT INTO alert_level (id, scale, level, reason, set_at, set_by, set_desk)
       VALUES (1, @scale, @level, @reason, @setAt, @setBy, @setDesk) ON CONFLICT (id) DO NOTHING`,
    )
    .run({ ...l });
  touch(db, 'alert_level', 1);
  return r.changes === 1;
}

/** Optimistic update: false when the row is missing or its version moved on. */
export function updateAlertLevel(db: Db, expectedVersion: number, l: AlertLevelWrite): boolean {
  const r = db
    .prepare(
      `UPDATE alert_level SET scale = @scale, level = @level, reason = @reason, set_at = @setAt,
         set_by = @setBy, set_desk = @setDesk, version = version + 1
       WHERE id = 1 AND version = @expectedVersion`,
    )
    .run({ ...l, expectedVersion });
  touch(db, 'alert_level', 1);
  return r.changes === 1;
}
