// Country names from ISO 3166-1 alpha-2 codes, in the UI language (Intl, no data files).
const cache = new Map<string, Intl.DisplayNames>();

export function countryName(code: string, lang: string): string {
  let names = cache.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    cache.set(lang, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
