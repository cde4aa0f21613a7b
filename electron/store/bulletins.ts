// Bulletins and each desk's acknowledgement of them (one row per bulletin and desk).
import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { Bulletin, BulletinAck, BulletinSeverity } from '../../shared/awareness.js';
import { markingColumn, markingOf } from './marking-column.js';
import { releasedParams, releasedSql, type ReleaseScope } from './incidents.js';

interface Row {
  id: string;
  title: string;
  body: string;
  severity: string;
  valid_from: string;
  valid_until: string | null;
  marking: string | null;
  ack_within_minutes: number;
  published_at: string;
  published_by: string;
  published_desk: string;
  published_role: string;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  version: number;
}

/** A bulletin as stored, without its acknowledgements and pending desks (the service adds them). */
export type BulletinRow = Omit<Bulletin, 'acks' | 'pending'> & { withdrawnReason: string | null };

const toBulletin = (r: Row): BulletinRow => ({
  id: r.id,
  title: r.title,
  body: r.body,
  severity: r.severity as BulletinSeverity,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  marking: markingOf(r.marking),
  ackWithinMinutes: r.ack_within_minutes,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  publishedDesk: r.published_desk,
  publishedRole: r.published_role,
  withdrawnAt: r.withdrawn_at,
  withdrawnReason: r.withdrawn_reason,
  version: r.version,
});

export type NewBulletin = Omit<BulletinRow, 'withdrawnAt' | 'withdrawnReason' | 'version'>;

export function insertBulletin(db: Db, b: NewBulletin): void {
  db.prepare(
    `INSERT INTO bulletins (id, title, body, severity, valid_from, valid_until, marking, ack_within_minutes,
       published_at, published_by, published_desk, published_role)
     VALUES (@id, @title, @body, @severity, @validFrom, @validUntil, @marking, @ackWithinMinutes,
       @publishedAt, @publishedBy, @publishedDesk, @publishedRole)`,
  ).run({ ...b, marking: markingColumn(b.marking) });
  touch(db, 'bulletins', b.id);
}

export function getBulletin(db: Db, id: string): BulletinRow | null {
  const row = db.prepare('SELECT * FROM bulletins WHERE id = ?').get(id) as Row | undefined;
  return row ? toBulletin(row) : null;
}

export interface BulletinWindow {
  /** Operation time now: in force means valid_from ≤ now, not withdrawn, no end or an end after now. */
  now: string;
  /** Also those that ended (withdrawn or expired) after this instant; null: only those in force. */
  endedSince: string | null;
  release?: ReleaseScope | undefined;
}

/** Bulletins in force (and, with endedSince, those ended since), newest first. */
export function listBulletinRows(db: Db, w: BulletinWindow): BulletinRow[] {
  const rows = db
    .prepare(
      `SELECT * FROM bulletins
       WHERE valid_from <= @now AND ${releasedSql(db, 'marking')}
         AND ((withdrawn_at IS NULL AND (valid_until IS NULL OR valid_until > @now))
           OR (CAST(@since AS text) IS NOT NULL AND (
             (withdrawn_at IS NOT NULL AND withdrawn_at > @since)
             OR (withdrawn_at IS NULL AND valid_until <= @now AND valid_until > @since))))
       ORDER BY published_at DESC, id DESC`,
    )
    .all({ now: w.now, since: w.endedSince, ...releasedParams(w.release) }) as Row[];
  return rows.map(toBulletin);
}

/** Bulletins published in [from, to] or in force at `to`, for a report: oldest first. */
export function listBulletinsForWindow(db: Db, from: string, to: string): BulletinRow[] {
  const rows = db
    .prepare(
      `SELECT * FROM bulletins
       WHERE (published_at >= @from AND published_at <= @to)
          OR (valid_from <= @to AND (withdrawn_at IS NULL OR withdrawn_at > @to)
              AND (valid_until IS NULL OR valid_until > @to))
       ORDER BY published_at, id`,
    )
    .all({ from, to }) as Row[];
  return rows.map(toBulletin);
}

/** Optimistic withdrawal: false when the row is missing, already withdrawn or its version moved on. */
export function withdrawBulletinRow(db: Db, id: string, expectedVersion: number, at: string, reason: string) {
  const r = db
    .prepare(
      `UPDATE bulletins SET withdrawn_at = @at, withdrawn_reason = @reason, version = version + 1
       WHERE id = @id AND version = @expectedVersion AND withdrawn_at IS NULL`,
    )
    .run({ id, expectedVersion, at, reason });
  touch(db, 'bulletins', id);
  return r.changes === 1;
}

interface AckRow {
  desk: string;
  operator: string;
  role: string;
  country: string | null;
  at: string;
}

/** The bulletin's acknowledgements, oldest first. */
export function listBulletinAcks(db: Db, bulletinId: string): BulletinAck[] {
  return (
    db
      .prepare(
        'SELECT desk, operator, role, country, at FROM bulletin_acks WHERE bulletin_id = ? ORDER BY at, desk',
      )
      .all(bulletinId) as AckRow[]
  ).map((r) => ({ desk: r.desk, operator: r.operator, role: r.role, country: r.country, at: r.at }));
}

/** Records the desk's acknowledgement once; false when the desk had already acknowledged. */
export function insertBulletinAck(db: Db, bulletinId: string, a: BulletinAck): boolean {
  const r = db
    .prepare(
      `INSERT INTO bulletin_acks (bulletin_id, desk, operator, role, country, at)
       VALUES (@bulletinId, @desk, @operator, @role, @country, @at) ON CONFLICT (bulletin_id, desk) DO NOTHING`,
    )
    .run({ bulletinId, ...a });
  if (r.changes === 1) touch(db, 'bulletin_acks', bulletinId, a.desk);
  return r.changes === 1;
}
