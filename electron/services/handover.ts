// Shift handover: the outgoing officer (the desk's signed-in operator) previews the report for a
// window; the incoming officer acknowledges it, which stores the model with its SHA-256 and
// journals both names and the hash in one transaction. Stored reports re-export byte-identical.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import { newId } from './ids.js';
import { composeReport } from './handover-source.js';
import type { ReportResources } from './handover-resources.js';
import type {
  ExportFormat,
  HandoverExport,
  HandoverSummary,
  HandoverWindow,
  acknowledgeInput,
  handoverInput,
} from '../../shared/api/handover.js';
import { MAX_WINDOW_HOURS } from '../../shared/api/handover.js';
import { REPORT_SCHEMA_VERSION, type HandoverReport } from '../../shared/report/model.js';
import { canonicalJson } from '../../shared/report/canonical.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import type { Operator } from '../../shared/domain.js';
import { deferJournalLink, getHandover, insertHandover, lastHandoverAt } from '../store/handovers.js';
import { nextJournalSeq } from '../store/journal.js';
import { signedInAt } from '../store/shifts.js';
import { journalHead } from '../store/backup.js';
import { MIME, renderReport, reportFilename } from '../report/export.js';
import { refusal } from '../../shared/permissions.js';
import { authenticate, recordSession } from './sign-in.js';
import { refuse } from './access.js';

export type HandoverInput = z.output<typeof handoverInput>;
export type AcknowledgeInput = z.output<typeof acknowledgeInput>;
type Window = Omit<HandoverInput, 'incomingName' | 'incomingRole'>;

export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

export function suggestHandoverWindow(ctx: Ctx, desk: Desk): HandoverWindow {
  const who = requireOperator(desk);
  const nowMs = ctx.clock.now();
  const previous = lastHandoverAt(ctx.db, who.desk, null);
  const start = previous?.to ?? signedInAt(ctx.db, who.id) ?? iso(nowMs);
  const fromMs = Math.max(Math.min(Date.parse(start), nowMs - 60_000), nowMs - MAX_WINDOW_HOURS * 3_600_000);
  return { desk: who.desk, outgoing: who, from: iso(fromMs), to: iso(nowMs), previous };
}

export function previewHandover(
  ctx: Ctx,
  desk: Desk,
  input: HandoverInput,
  res: ReportResources,
): HandoverReport {
  const who = requireOperator(desk);
  const incoming = { name: input.incomingName ?? '—', role: input.incomingRole ?? null };
  return build(ctx, who, input, incoming, 'preview', res);
}

/**
 * The incoming officer signs in on the desk with their own passphrase; the acknowledgement, the
 * outgoing's sign-out and the incoming's sign-in are one transaction, journaled as the incoming.
 */
export function acknowledgeHandover(
  ctx: Ctx,
  desk: Desk,
  input: AcknowledgeInput,
  res: ReportResources,
): { handover: HandoverSummary; report: HandoverReport } {
  const who = requireOperator(desk);
  refuseStale(ctx, who, input.to);
  const account = authenticate(ctx, input.incomingLogin, input.incomingPassphrase, who.desk);
  if (account.id === who.accountId)
    throw new ApiError({
      code: 'invalid_input',
      message: 'incomingLogin: the incoming officer signs in with their own login, not the outgoing’s.',
      issues: [{ path: 'incomingLogin', message: 'the outgoing officer’s own login' }],
    });
  const why = refusal('acknowledgeHandover', account.role);
  if (why) refuse(ctx, who, 'acknowledgeHandover', `the incoming ${why}`);
  const incoming = { name: account.name, role: account.role };
  const report = build(ctx, who, input, incoming, 'acknowledged', res);
  const model = canonicalJson(report);
  const contentHash = sha256(model);
  const id = newId(ctx.clock);
  const out = ctx.db.transaction(() => {
    refuseStale(ctx, who, input.to);
    const next = recordSession(ctx, desk, account, who.desk);
    // The row goes in before the entry that records it, so that the entry carries it; the entry's
    // number is known because the journal is locked from here to the commit.
    const seq = nextJournalSeq(ctx.db);
    const now = ctx.clock.now();
    deferJournalLink(ctx.db);
    insertHandover(ctx.db, {
      id,
      desk: who.desk,
      from: input.from,
      to: input.to,
      outgoingName: who.name,
      outgoingRole: who.role,
      incomingName: incoming.name,
      incomingRole: incoming.role,
      lang: input.lang,
      acknowledgedAt: iso(now),
      schemaVersion: REPORT_SCHEMA_VERSION,
      model,
      contentHash,
      journalSeq: seq,
    });
    const entry = journal({ ...ctx, clock: { now: () => now } }, next, {
      action: 'handover.acknowledged',
      entityType: 'handover',
      entityId: id,
      data: {
        desk: who.desk,
        from: input.from,
        to: input.to,
        outgoing: who.name,
        outgoingRole: who.role,
        incoming: incoming.name,
        incomingLogin: account.login,
        incomingRole: incoming.role,
        contentHash,
        lang: input.lang,
        schemaVersion: REPORT_SCHEMA_VERSION,
      },
    });
    if (entry.seq !== seq) throw new Error(`handover entry took #${entry.seq}, not #${seq}`);
    const handover = getHandover(ctx.db, id)?.summary;
    if (!handover) throw new ApiError({ code: 'internal', message: `Handover ${id} was not stored` });
    return { handover, report, next };
  })();
  desk.operator = out.next;
  desk.lockedAt = null;
  return { handover: out.handover, report: out.report };
}

export function exportHandover(
  ctx: Ctx,
  input: { id: string; format: ExportFormat },
  res: () => ReportResources,
): HandoverExport {
  const stored = getHandover(ctx.db, input.id);
  if (!stored) throw new ApiError({ code: 'not_found', message: `Handover ${input.id} does not exist` });
  const model = JSON.parse(stored.model) as HandoverReport;
  if (model.schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new ApiError({
      code: 'conflict',
      message: `Handover ${input.id} has report schema ${String(model.schemaVersion)}; this Vigie renders ${REPORT_SCHEMA_VERSION}.`,
    });
  }
  const bytes =
    input.format === 'json'
      ? Buffer.from(stored.model, 'utf8')
      : renderReport(model, input.format, { fonts: res().fonts, contentHash: stored.summary.contentHash });
  return {
    filename: reportFilename(model, input.format),
    mime: MIME[input.format],
    base64: bytes.toString('base64'),
  };
}

function build(
  ctx: Ctx,
  who: Operator,
  input: Window,
  incoming: { name: string; role: string | null },
  status: HandoverReport['status'],
  res: ReportResources,
): HandoverReport {
  const nowMs = ctx.clock.now();
  if (Date.parse(input.to) > nowMs) {
    throw new ApiError({
      code: 'invalid_input',
      message: `to: ${input.to} is later than the operation clock (${iso(nowMs)}); a handover reports what has happened.`,
      issues: [{ path: 'to', message: 'in the future on the operation clock' }],
    });
  }
  return composeReport(
    ctx.db,
    {
      window: { from: input.from, to: input.to },
      status,
      lang: input.lang,
      desk: who.desk,
      outgoing: { name: who.name, role: who.role },
      incoming,
      pendingActions: input.pendingActions,
      generatedAt: iso(nowMs),
      journalHead: status === 'acknowledged' ? headNow(ctx) : undefined,
    },
    res.water,
    res.base,
  );
}

/**
 * The journal's head as the acknowledged report is built: printed in it, so every copy of the
 * report anchors the journal outside the database (`vigie verify --expect-head SEQ:HASH`).
 */
function headNow(ctx: Ctx): { seq: number; hash: string } | undefined {
  const head = journalHead(ctx.db);
  return head.hash === null ? undefined : { seq: head.seq, hash: head.hash };
}

/** A desk's watch moves forward: a window must end after the desk's last acknowledged one. */
function refuseStale(ctx: Ctx, who: Operator, to: string): void {
  const last = lastHandoverAt(ctx.db, who.desk, null);
  if (last && to <= last.to) {
    throw new ApiError({
      code: 'conflict',
      message: `Desk ${who.desk} was already handed over up to ${last.to} (by ${last.outgoing?.name ?? 'unknown'} to ${last.incoming.name}); a new handover must end later.`,
      current: last,
    });
  }
}
