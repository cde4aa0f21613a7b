// Country names in the UI language (i18n-iso-countries, en and fr only) and the bundled SVG flags
// of flag-icons: Vite copies each flag into the build and hands back its URL (nothing fetched
// from elsewhere; a flag is only loaded when an <img> shows it).
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';

countries.registerLocale(en);
countries.registerLocale(fr);

const FLAGS = import.meta.glob<string>('../../node_modules/flag-icons/flags/4x3/*.svg', {
  query: '?url',
  import: 'default',
  eager: true,
});

const byCode = new Map<string, string>();
for (const [path, url] of Object.entries(FLAGS)) {
  const code = /([a-z]{2})\.svg$/.exec(path)?.[1];
  if (code) byCode.set(code.toUpperCase(), url);
}

/** The URL of the bundled flag of an ISO 3166-1 alpha-2 code, or null. */
export const flagUrl = (code: string): string | null => byCode.get(code.toUpperCase()) ?? null;

/** The country's name in the UI language (French for "fr", else English), or the code. */
export function countryLabel(code: string, lang: string): string {
  return countries.getName(code.toUpperCase(), lang.startsWith('fr') ? 'fr' : 'en') ?? code;
}
