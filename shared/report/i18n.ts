// The report's strings in English and French, and the template filler they use.
import type { ReportLang } from './model.js';
import { en, type ReportStrings } from './i18n-en.js';
import { fr } from './i18n-fr.js';

export type { ReportStrings };

export const REPORT_STRINGS: Record<ReportLang, ReportStrings> = { en, fr };

export const stringsFor = (lang: ReportLang): ReportStrings => REPORT_STRINGS[lang];

/** "{n} of {total}" with { n: 1, total: 3 } gives "1 of 3"; unknown names stay as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
