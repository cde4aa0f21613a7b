// Significant journal entries of the window, grouped by what they are about (an incident, a unit):
// one row per subject with its entries in order, one line each, so the story of each serious
// incident reads at a glance. Subjects come in the order of their first entry.
import { INCIDENT_STATUSES, type IncidentStatus } from '../domain.js';
import type { HandoverReport, SignificantEntry } from './model.js';
import { clip, type ViewContext } from './view-context.js';
import type { Block, Cell, Column } from './view-types.js';

export function significantBlock(v: ViewContext, model: HandoverReport): Block {
  const columns: Column[] = [
    { label: v.s.col.subject, width: 80 },
    { label: v.s.col.priority, width: 18 },
    { label: v.s.col.entries, width: 417 },
  ];
  const groups = new Map<string, SignificantEntry[]>();
  for (const e of model.significant) {
    const key = e.subject ?? `#${e.seq}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const rows = [...groups].map(([subject, entries]): Cell[] => {
    const priority = entries[entries.length - 1]?.priority ?? null;
    return [
      { text: subject.startsWith('#') ? '' : subject },
      priority ? v.priority(priority) : { text: '' },
      { text: entries.map((e) => line(v, e)).join('\n') },
    ];
  });
  return { kind: 'table', columns, rows, empty: v.s.none };
}

/** "18:06 Priority changed: P2 → P1 · Capt. Élise Moreau, D1" */
function line(v: ViewContext, e: SignificantEntry): string {
  const d = detail(e);
  return `${v.stamp(e.at)} ${v.action(e.action)}${d ? `${v.s.colon}${d}` : ''} · ${e.operator}, ${e.desk}`;
}

const asStatus = (x: string | null): IncidentStatus | null => INCIDENT_STATUSES.find((s) => s === x) ?? null;

/**
 * "P3 → P1", "INC-0726-0003 → INC-0726-0009", a note's text, a callsign, a reason. A lifecycle
 * step says nothing more than its action ("Dispatched"), so its from/to statuses are left out.
 */
function detail(e: SignificantEntry): string {
  const { from, to, text } = e.detail;
  const lifecycle = asStatus(from) !== null && asStatus(to) !== null;
  const change = !lifecycle && (from !== null || to !== null) ? `${from ?? ''} → ${to ?? ''}` : '';
  return [change, clip(text ?? '')].filter(Boolean).join(' · ');
}
