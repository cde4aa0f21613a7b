// What every part of the view needs: the strings of the report's language and how to print a
// time, a priority, a status or a location.
import type { IncidentStatus, Priority, UnitStatus } from '../domain.js';
import type { HandoverReport, IncidentBrief, IncidentLocation, ReportLang } from './model.js';
import { placeText } from '../place-name.js';
import { stringsFor, type ReportStrings } from './i18n.js';
import { clock, dayTime, sameDay } from './format.js';
import type { Cell, Column } from './view-types.js';

export interface ViewContext {
  s: ReportStrings;
  lang: ReportLang;
  timeZone: string;
  /** "18:05" on the window's last day, else "25/07 18:05". */
  stamp: (isoTime: string) => string;
  priority: (p: Priority) => Cell;
  incidentStatus: (s: IncidentStatus) => string;
  unitStatus: (s: UnitStatus | null) => string;
  action: (a: string) => string;
}

export function viewContext(model: HandoverReport): ViewContext {
  const s = stringsFor(model.lang);
  const timeZone = model.header.operation.timezone;
  const end = model.header.window.to;
  // A large report prints tens of thousands of times over a few hundred distinct minutes.
  const stamps = new Map<number, string>();
  const stamp = (t: string): string => {
    const minute = Math.floor(Date.parse(t) / 60_000);
    let text = stamps.get(minute);
    if (text === undefined) {
      text = sameDay(t, end, timeZone) ? clock(t, timeZone) : dayTime(t, timeZone);
      stamps.set(minute, text);
    }
    return text;
  };
  return {
    s,
    lang: model.lang,
    timeZone,
    stamp,
    priority: (p) => ({ text: `P${p}`, tone: `p${p}` }),
    incidentStatus: (x) => s.incidentStatus[x],
    unitStatus: (x) => (x === null ? s.newUnit : s.unitStatus[x]),
    action: (a) => s.action[a] ?? a,
  };
}

/** Long free text (notes) shortened for a table cell; the model keeps it whole. */
export function clip(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** "Venue · sector · text · nearest place, 40 m", without repeats; the point when nothing else is known. */
export function locationText(l: IncidentLocation, lang: ReportLang): string {
  const parts: string[] = [];
  for (const p of [l.venue, l.sector, l.text]) if (p && !parts.includes(p)) parts.push(p);
  if (l.place && !parts.includes(l.place.name)) parts.push(placeText(l.place, lang));
  if (parts.length) return parts.join(' · ');
  return l.lat !== null && l.lon !== null ? `${l.lat.toFixed(5)}, ${l.lon.toFixed(5)}` : '';
}

/** "Category: title" */
export const incidentText = (
  v: ViewContext,
  i: { category: IncidentBrief['category']; title: string },
): string => `${v.s.category[i.category]}${v.s.colon}${i.title}`;

/** Columns and rows of a list of incidents (opened, closed, new since the last handover). */
export function briefTable(v: ViewContext, list: IncidentBrief[]) {
  const columns: Column[] = [
    { label: v.s.col.reference, width: 68 },
    { label: v.s.col.priority, width: 20 },
    { label: v.s.col.incident, width: 222 },
    { label: v.s.col.opened, width: 60 },
    { label: v.s.col.status, width: 85 },
    { label: v.s.col.finished, width: 60 },
  ];
  const rows: Cell[][] = list.map((i) => [
    { text: withBanner(i.reference, i.releasability) },
    v.priority(i.priority),
    { text: incidentText(v, i) },
    { text: v.stamp(i.createdAt) },
    { text: v.incidentStatus(i.status) },
    { text: i.finishedAt ? v.stamp(i.finishedAt) : '' },
  ]);
  return { kind: 'table' as const, columns, rows, empty: v.s.none };
}

/** An item's name with its releasability banner under it (reports made before markings have none). */
export const withBanner = (name: string, banner: string | undefined): string =>
  banner ? `${name}\n${banner}` : name;
