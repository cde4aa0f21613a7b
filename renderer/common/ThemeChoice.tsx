// The console's theme, dark or light: one choice for the map and the console's colours together
// (the store's `mapTheme`, kept per browser). Shown in the layers panel and in Settings.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MAP_THEMES, type MapTheme } from '../map/palette';
import { useVigie } from '../state/hooks';

export function ThemeChoice({ testPrefix = 'map-theme' }: { testPrefix?: string }) {
  const { t } = useTranslation();
  const theme = useVigie((s) => s.mapTheme);
  const setTheme = useVigie((s) => s.setMapTheme);
  return (
    <div className="layers-theme" role="group" aria-label={t('mapTools.theme')}>
      {MAP_THEMES.map((th) => (
        <button
          key={th}
          type="button"
          data-testid={`${testPrefix}-${th}`}
          aria-pressed={theme === th}
          onClick={() => setTheme(th)}
        >
          {t(`mapTools.themes.${th}`)}
        </button>
      ))}
    </div>
  );
}

/** Puts the theme on <html> (theme-light.css keys on it); the wall passes 'dark': it stays dark. */
export function useDocumentTheme(theme: MapTheme): void {
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
