// What a checked scenario package holds, and what is wrong with a refused one (every problem, with
// its file, feature or record, field and reason, as the services name them).
import { useTranslation } from 'react-i18next';
import type { ScenarioSummary } from '../../shared/api/operations';

/** The package's name in the console's language, when it gives one. */
export const packageName = (s: Pick<ScenarioSummary, 'name' | 'nameFr'>, lang: string): string =>
  lang.startsWith('fr') ? (s.nameFr ?? s.name) : s.name;

export function PackageSummary({ summary }: { summary: ScenarioSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="newop-summary" data-testid="newop-summary">
      <p>
        <strong>{packageName(summary, i18n.language)}</strong>
      </p>
      <p>
        {t('newop.holds', {
          mode: t(`newop.mode.${summary.mode}`),
          timezone: summary.timezone,
          venues: summary.venues,
          routes: summary.routes,
          zones: summary.zones,
          contingents: summary.contingents,
          units: summary.units,
          incidents: summary.incidents,
        })}
      </p>
      {summary.basemap && <p className="hint">{t('newop.basemap', { file: summary.basemap })}</p>}
    </div>
  );
}

export function Problems({ problems }: { problems: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="newop-problems" role="alert" data-testid="newop-problems">
      <p>
        <strong>{t('newop.problems', { count: problems.length })}</strong>
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
