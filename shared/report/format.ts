// Times and ages as the report prints them: 24-hour, day first, in the operation's time zone and
// in UTC. Built from Intl parts so that the output is the same in Node, Electron and browsers.

import { formatAgeMinutes } from '../time-format.js';

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Parts per zone and minute: a large report prints tens of thousands of times, few distinct. */
const minutes = new Map<string, Parts>();
const MAX_CACHED = 50_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The date and time of the minute holding `ms`, in the zone (cached). */
function parts(ms: number, timeZone: string): Parts {
  const minute = Math.floor(ms / 60_000);
  const key = `${timeZone}|${minute}`;
  let p = minutes.get(key);
  if (!p) {
    p = { year: '', month: '', day: '', hour: '', minute: '' };
    for (const part of formatter(timeZone).formatToParts(minute * 60_000)) {
      if (part.type in p) p[part.type as keyof Parts] = part.value;
    }
    if (minutes.size >= MAX_CACHED) minutes.clear();
    minutes.set(key, p);
  }
  return p;
}

/** Zone offsets are whole minutes, so the seconds are the same in every zone. */
const seconds = (ms: number): string =>
  String(Math.floor((((ms % 60_000) + 60_000) % 60_000) / 1000)).padStart(2, '0');

/** "26/07/2024 18:05" */
export function dateTime(isoTime: string, timeZone: string, withSeconds = false): string {
  const ms = Date.parse(isoTime);
  const p = parts(ms, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}${withSeconds ? `:${seconds(ms)}` : ''}`;
}

/** "26/07 18:05" */
export function dayTime(isoTime: string, timeZone: string): string {
  const p = parts(Date.parse(isoTime), timeZone);
  return `${p.day}/${p.month} ${p.hour}:${p.minute}`;
}

/** "18:05" */
export function clock(isoTime: string, timeZone: string): string {
  const p = parts(Date.parse(isoTime), timeZone);
  return `${p.hour}:${p.minute}`;
}

/** True when both times fall on the same calendar day in the zone. */
export function sameDay(a: string, b: string, timeZone: string): boolean {
  const x = parts(Date.parse(a), timeZone);
  const y = parts(Date.parse(b), timeZone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/** "45 min", "2 h 05", "26 h 00": the console's wording, so screen and report read alike. */
export const age = (minutes: number): string => formatAgeMinutes(minutes * 60_000);

/** The zone's name for a reader: its last segment ("Los Angeles" for America/Los_Angeles). */
export function zoneLabel(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}
