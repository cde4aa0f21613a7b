// Text filtering for the lists: case- and accent-insensitive ("iena" finds "Iéna"), every word of
// the query must appear somewhere in the row's searchable text.
import type { Unit, UnitKind, UnitStatus } from '../../shared/domain';
import { countryName } from '../i18n/country';

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function matcher(query: string): (haystack: string) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (haystack) => {
    const h = fold(haystack);
    return words.every((w) => h.includes(w));
  };
}

/** What a unit is found by in the lists: callsign, country (code and name), agency, kind, status, sector. */
export function unitSearchText(
  u: Pick<Unit, 'callsign' | 'country' | 'agency' | 'kind' | 'status' | 'sector'>,
  t: (key: `unitKind.${UnitKind}` | `unitStatus.${UnitStatus}`) => string,
  lang: string,
): string {
  return [
    u.callsign,
    u.country,
    countryName(u.country, lang),
    u.agency,
    u.kind,
    t(`unitKind.${u.kind}`),
    u.status,
    t(`unitStatus.${u.status}`),
    u.sector ?? '',
  ].join(' ');
}
