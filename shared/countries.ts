// Country of a roster row: an ISO 3166-1 alpha-2 code, or the country's English or French name
// ("Spain", "Espagne", "Côte d'Ivoire"). Only the en and fr name lists are registered: the
// package's Node entry would load every locale, and the renderer bundles this module too.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(fr);

/** The alpha-2 code (upper case) for a code or an English/French name, or null when unknown. */
export function countryCode(text: string): string | null {
  const t = text.trim();
  if (/^[A-Za-z]{2}$/.test(t) && countries.isValid(t.toUpperCase())) return t.toUpperCase();
  for (const lang of ['en', 'fr']) {
    // The exact (case-insensitive) name first, then the package's accent- and punctuation-blind match.
    const code = countries.getAlpha2Code(t, lang) ?? countries.getSimpleAlpha2Code(t, lang);
    if (code) return code;
  }
  return null;
}
