// i18next set up once for the app. English is the reference catalogue; French must carry the same
// keys (checked at compile time below). The choice is kept in localStorage and mirrored on <html lang>.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'vigie.lang';

// Both catalogues have exactly the same shape: each must be assignable to the other.
const frCatalogue: typeof en = fr;
const enCatalogue: typeof fr = en;

export const isLanguage = (v: unknown): v is Language => v === 'en' || v === 'fr';

function storedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

function initialLanguage(): Language {
  return storedLanguage() ?? (navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en');
}

export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage unavailable: the choice lasts for this session only
  }
  void i18next.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en';
}

export function initI18n(): typeof i18next {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: enCatalogue }, fr: { translation: frCatalogue } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
