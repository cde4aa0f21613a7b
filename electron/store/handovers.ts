// Acknowledged handovers: the stored report (canonical JSON), its content hash, and the journal
// entry that records it. Rows are final (triggers refuse UPDATE and DELETE).
import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { HandoverSummary } from '../../shared/api/handover.js';
import type { ReportLang } from '../../shared/report/model.js';

export interface NewHandover {
  id: string;
  desk: string;
  from: string;
  to: string;
  outgoingName: string | null;
  outgoingRole: string | null;
  incomingName: string;
  incomingRole: string | null;
  lang: ReportLang;
  acknowledgedAt: string;
  schemaVersion: number;
  model: string;
  contentHash: string;
  journalSeq: number;
}

interface Row {
  id: string;
  desk: string;
  from_at: string;
  to_at: string;
  outgoing_name: string | null;
  outgoing_role: string | null;
  incoming_name: string;
  incoming_role: string | null;
  lang: ReportLang;
  acknowledged_at: string;
  content_hash: string;
  journal_seq: number;
}

const SUMMARY_COLUMNS = `id, desk, from_at, to_at, outgoing_name, outgoing_role, incoming_name, incoming_role,
  lang, acknowledged_at, content_hash, journal_seq`;

const toSummary = (r: Row): HandoverSummary => ({
  id: r.id,
  desk: r.desk,
  from: r.from_at,
  to: r.to_at,
  outgoing: r.outgoing_name === null ? null : { name: r.outgoing_name, role: r.outgoing_role },
  incoming: { name: r.incoming_name, role: r.incoming_role },
  lang: r.lang,
  acknowledgedAt: r.acknowledged_at,
  contentHash: r.content_hash,
  journalSeq: r.journal_seq,
});

/**
 * The row goes in before the journal entry it names (so that the entry carries the row's image);
 * the link is then checked at commit. Call in the transaction, before insertHandover.
 */
export function deferJournalLink(db: Db): void {
  db.exec(db.dialect.deferHandoverJournalLink);
}

export function insertHandover(db: Db, h: NewHandover): void {
  db.prepare(
    `INSERT INTO handovers (id, desk, from_at, to_at, outgoing_name, outgoing_role, incoming_name, incoming_role,
       lang, acknowledged_at, schema_version, model, content_hash, journal_seq)
     VALUES (@id, @desk, @from, @to, @outgoingName, @outgoingRole, @incomingName, @incomingRole,
       @lang, @acknowledgedAt, @schemaVersion, @model, @contentHash, @journalSeq)`,
  ).run(h);
  touch(db, 'handovers', h.id);
}

/** Latest window end first. */
export function listHandovers(db: Db, o: { desk?: string | undefined; limit: number }): HandoverSummary[] {
  return (
    db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM handovers WHERE (@desk IS NULL OR desk = @desk)
         ORDER BY to_at DESC, acknowledged_at DESC, id DESC LIMIT @limit`,
      )
      .all({ desk: o.desk ?? null, limit: o.limit }) as Row[]
  ).map(toSummary);
}

/**
 * The desk's last handover whose window ended before `at` (the latest of all when `at` is null).
 * Strictly before: a handover ending at `at` is the one being reprinted, not its predecessor.
 */
export function lastHandoverAt(db: Db, desk: string, at: string | null): HandoverSummary | null {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM handovers WHERE desk = @desk AND (@at IS NULL OR to_at < @at)
       ORDER BY to_at DESC, acknowledged_at DESC, id DESC LIMIT 1`,
    )
    .get({ desk, at }) as Row | undefined;
  return row ? toSummary(row) : null;
}

/** A stored handover with its model, exactly the bytes that were hashed. */
export function getHandover(db: Db, id: string): { summary: HandoverSummary; model: string } | null {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, model FROM handovers WHERE id = ?`).get(id) as
    (Row & { model: string }) | undefined;
  return row ? { summary: toSummary(row), model: row.model } : null;
}
