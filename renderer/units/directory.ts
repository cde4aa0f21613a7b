// The contact directory's search (DirectoryDialog shows it): contingents' liaisons found by
// country, agency, liaison name or language, and the people who speak a language (liaisons of the
// contingents working in it, and their units) when the query names one by code or by name.
import type { Contingent, Unit } from '../../shared/domain';
import { fold, matcher } from '../panels/filter';

export interface LiaisonEntry {
  contingent: Contingent;
  /** The contingent's liaison units that gave a radio or a phone. */
  liaisonUnits: Unit[];
}

export interface DirectoryResult {
  liaisons: LiaisonEntry[];
  /** Languages the query names (codes), among those the contingents work in. */
  languages: string[];
  /** Units speaking one of `languages`: available first, then by callsign. */
  speakers: Unit[];
}

/** Names a language by: its code and its names in each UI language ("ar", "Arabic", "arabe"). */
export type LanguageNames = (code: string) => string[];

const AVAILABLE_FIRST = (a: Unit, b: Unit) =>
  Number(b.status === 'available') - Number(a.status === 'available') ||
  (a.callsign < b.callsign ? -1 : a.callsign > b.callsign ? 1 : 0);

export function searchDirectory(
  query: string,
  contingents: readonly Contingent[],
  units: readonly Unit[],
  names: LanguageNames,
  countryNames: (code: string) => string[],
): DirectoryResult {
  const q = fold(query.trim());
  const spoken = [...new Set(contingents.flatMap((c) => c.languages))];
  // A language is named when the query is its code or starts one of its names ("arab" → Arabic).
  const languages = q
    ? spoken.filter((code) => code === q || names(code).some((n) => fold(n).startsWith(q)))
    : [];
  const match = matcher(query);
  const liaisonUnits = (c: Contingent) =>
    units.filter((u) => u.contingentId === c.id && u.kind === 'liaison' && (u.radio || u.phone));
  const liaisons = contingents
    .filter(
      (c) =>
        c.languages.some((l) => languages.includes(l)) ||
        match([c.country, ...countryNames(c.country), c.agency, c.liaisonName ?? ''].join(' ')),
    )
    .map((c) => ({ contingent: c, liaisonUnits: liaisonUnits(c) }));
  const speaking = new Set(
    contingents.filter((c) => c.languages.some((l) => languages.includes(l))).map((c) => c.id),
  );
  const speakers = units.filter((u) => speaking.has(u.contingentId)).sort(AVAILABLE_FIRST);
  return { liaisons, languages, speakers };
}
