// Reading one roster cell. Each reader returns the value, or a reason naming what was expected;
// the row reader (roster.ts) adds the line and column.
import { UNIT_KINDS, UNIT_STATUSES, type UnitKind, type UnitStatus } from './domain.js';
import { isLanguageCode } from './languages.js';

export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = <T>(reason: string): Cell<T> => ({ ok: false, reason });

// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula. The export
// puts a ' before such text (and before text that starts with ' itself, so the import can take
// exactly one off): a note from a partner's file cannot become a formula on a desk's machine.
const FORMULA_START = /^['=+\-@\t\r]/;

export const protectCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export const unprotectCell = (text: string): string =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;

const CALLSIGN = /^[A-Z0-9][A-Z0-9-]{1,23}$/;

export function readCallsign(raw: string): Cell<string> {
  const v = raw.toUpperCase();
  return CALLSIGN.test(v) ? ok(v) : bad(`"${raw}" is not a callsign: 2-24 letters, digits or hyphens`);
}

export function readKind(raw: string): Cell<UnitKind> {
  const v = raw.toLowerCase();
  const kind = UNIT_KINDS.find((k) => k === v);
  return kind ? ok(kind) : bad(`unknown kind "${raw}"; expected one of ${UNIT_KINDS.join(', ')}`);
}

export function readStatus(raw: string): Cell<UnitStatus> {
  const v = raw.toLowerCase();
  const status = UNIT_STATUSES.find((s) => s === v);
  return status ? ok(status) : bad(`unknown status "${raw}"; expected one of ${UNIT_STATUSES.join(', ')}`);
}

export function readPersonnel(raw: string): Cell<number> {
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  return n >= 1 && n <= 10_000 ? ok(n) : bad(`"${raw}" is not a head count: a whole number from 1 to 10000`);
}

const YES = ['yes', 'true', 'oui'];
const NO = ['no', 'false', 'non'];

export function readArmed(raw: string): Cell<boolean> {
  const v = raw.toLowerCase();
  if (YES.includes(v)) return ok(true);
  if (NO.includes(v)) return ok(false);
  return bad(`"${raw}" is not yes/no (yes, no, true, false, oui, non)`);
}

export function readLanguages(raw: string): Cell<string[]> {
  const codes = raw.split('|').map((c) => c.trim().toLowerCase());
  const wrong = codes.filter((c) => !isLanguageCode(c));
  if (wrong.length) {
    return bad(`not ISO 639-1 language codes: ${wrong.map((c) => `"${c}"`).join(', ')} (e.g. en|fr|es)`);
  }
  return ok([...new Set(codes)]);
}

/** A decimal degree; a ;-separated file from a French or Spanish spreadsheet may write 48,85. */
export function readDegrees(raw: string, limit: 90 | 180): Cell<number> {
  const text = /^-?\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw;
  const n = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n)) return bad(`"${raw}" is not a number of degrees`);
  if (Math.abs(n) > limit) return bad(`${n} is out of range (-${limit} to ${limit})`);
  return ok(n);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A moment with its offset (2024-07-26T19:30:00+02:00), stored as UTC ISO. */
export function readTime(raw: string): Cell<string> {
  const ms = ISO_TIME.test(raw) ? Date.parse(raw) : NaN;
  return Number.isFinite(ms)
    ? ok(new Date(ms).toISOString())
    : bad(`"${raw}" is not a time with its offset, e.g. 2024-07-26T19:30:00+02:00`);
}

export function readText(raw: string, max: number): Cell<string> {
  return raw.length <= max ? ok(raw) : bad(`longer than ${max} characters`);
}

// A phone as people write it: digits with spaces, dots, hyphens or brackets, an optional leading +.
const PHONE = /^\+?[0-9(][0-9 .()-]*[0-9]$/;

export function readPhone(raw: string): Cell<string> {
  const digits = raw.replace(/\D/g, '').length;
  if (!PHONE.test(raw) || digits < 3 || digits > 15) {
    return bad(
      `"${raw}" is not a phone number: 3-15 digits, spaces . - ( ) and a leading + allowed, e.g. +33 1 53 71 53 71`,
    );
  }
  return ok(raw);
}

/** A radio channel or talkgroup as the net names it ("TG 4101", "Ch 14", "PMR 446-3"). */
export function readRadio(raw: string): Cell<string> {
  if (raw.length > 40) return bad('longer than 40 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return bad('a radio channel is one line of text');
  return ok(raw);
}
