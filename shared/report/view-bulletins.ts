// The alert level line of the summary and the bulletins section: what the room was told to know.
import type { HandoverReport, ReportAlertLevel } from './model.js';
import { fill } from './i18n.js';
import { withBanner, type ViewContext } from './view-context.js';
import type { Block, Cell, Column } from './view-types.js';

/** "Urgence attentat (Vigipirate), since 18:00, set by …: reason" as a summary row. */
export function alertLevelRow(v: ViewContext, l: ReportAlertLevel): [string, string] {
  const a = v.s.alertLevel;
  const name = `${a.level[l.level] ?? l.level} (${a.scale[l.scale] ?? l.scale})`;
  const since = l.since ? fill(a.since, { at: v.stamp(l.since), by: l.setBy ?? '' }) : a.never;
  return [a.label, `${name}, ${since}${l.reason ? `${v.s.colon}${l.reason}` : ''}`];
}

const TONE: Record<string, Cell['tone']> = { critical: 'p1', warning: 'p2' };

export function bulletinsBlock(v: ViewContext, model: HandoverReport): Block {
  const b = v.s.bulletins;
  const columns: Column[] = [
    { label: b.col.bulletin, width: 175 },
    { label: b.col.severity, width: 60 },
    { label: b.col.published, width: 105 },
    { label: b.col.acks, width: 70 },
    { label: b.col.pending, width: 105 },
  ];
  const rows: Cell[][] = (model.bulletins ?? []).map((x) => {
    const validity = x.withdrawnAt
      ? fill(b.withdrawn, { at: v.stamp(x.withdrawnAt) })
      : x.validUntil
        ? fill(b.until, { at: v.stamp(x.validUntil) })
        : '';
    const tone = TONE[x.severity];
    return [
      { text: withBanner(validity ? `${x.title}\n${validity}` : x.title, x.releasability) },
      { text: b.severity[x.severity] ?? x.severity, ...(tone && { tone }) },
      { text: `${v.stamp(x.publishedAt)} ${x.publishedBy}\n${x.publishedDesk}` },
      {
        text: fill(b.count, { n: x.acknowledged, m: x.expected }),
        ...(x.pending.length > 0 && { tone: 'warn' as const }),
      },
      { text: x.pending.join(', ') },
    ];
  });
  return { kind: 'table', columns, rows, empty: b.none };
}
