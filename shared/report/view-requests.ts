// The open requests table: who asked whom for what, by when, and whether it is overdue.
import type { HandoverReport } from './model.js';
import { clip, type ViewContext } from './view-context.js';
import type { Block, Cell, Column } from './view-types.js';

export function openRequestsBlock(v: ViewContext, model: HandoverReport): Block {
  const columns: Column[] = [
    { label: v.s.col.fromTo, width: 110 },
    { label: v.s.col.request, width: 210 },
    { label: v.s.col.by, width: 60 },
    { label: v.s.col.reference, width: 70 },
    { label: v.s.col.status, width: 65 },
  ];
  const rows = (model.openRequests ?? []).map((r): Cell[] => [
    { text: `${r.from} → ${r.toKind === 'role' ? (v.s.roles[r.to] ?? r.to) : r.to}` },
    { text: clip(r.text) },
    r.byAt === null
      ? { text: '' }
      : r.overdue
        ? { text: `${v.stamp(r.byAt)}\n${v.s.requestOverdue}`, tone: 'warn' }
        : { text: v.stamp(r.byAt) },
    { text: r.incidentReference ?? '' },
    { text: v.s.requestStatus[r.status] },
  ]);
  return { kind: 'table', columns, rows, empty: v.s.none };
}
