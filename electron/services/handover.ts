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
  handoverInput,
} from '../../shared/api/handover.js';
import { MAX_WINDOW_HOURS } from '../../shared/api/handover.js';
import { REPORT_SCHEMA_VERSION, type HandoverReport } from '../../shared/report/model.js';
import { canonicalJson } from '../../shared/report/canonical.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import type { Operator } from '../../shared/domain.js';
import { getHandover, insertHandover, lastHandoverAt } from '../store/handovers.js';
import { signedInAt } from '../store/shifts.js';
import { MIME, renderReport, reportFilename } from '../report/export.js';

export type HandoverInput = z.output<typeof handoverInput>;

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
  return build(ctx, who, input, 'preview', res);
}

export function acknowledgeHandover(
  ctx: Ctx,
  desk: Desk,
  input: HandoverInput,
  res: ReportResources,
): { handover: HandoverSummary; report: HandoverReport } {
  const who = requireOperator(desk);
  refuseStale(ctx, who, input.to);
  const report = build(ctx, who, input, 'acknowledged', res);
  const model = canonicalJson(report);
  const contentHash = sha256(model);
  const id = newId(ctx.clock);
  const incoming = { name: input.incomingName, role: input.incomingRole ?? null };
  return ctx.db.transaction(() => {
    refuseStale(ctx, who, input.to);
    const entry = journal(ctx, who, {
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
        incomingRole: incoming.role,
        contentHash,
        lang: input.lang,
        schemaVersion: REPORT_SCHEMA_VERSION,
      },
    });
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
      acknowledgedAt: entry.at,
      schemaVersion: REPORT_SCHEMA_VERSION,
      model,
      contentHash,
      journalSeq: entry.seq,
    });
    const handover = getHandover(ctx.db, id)?.summary;
    if (!handover) throw new ApiError({ code: 'internal', message: `Handover ${id} was not stored` });
    return { handover, report };
  })();
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
  input: HandoverInput,
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
      incoming: { name: input.incomingName, role: input.incomingRole ?? null },
      pendingActions: input.pendingActions,
      generatedAt: iso(nowMs),
    },
    res.water,
  );
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
