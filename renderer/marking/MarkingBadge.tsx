// An item's releasability on screen: who beyond the host nation may see it. Shown on every marked
// item (incident, note, zone); "all partners", the default, is shown quietly.
import { useTranslation } from 'react-i18next';
import type { Marking } from '../../shared/releasability';
import { useVigie } from '../state/hooks';
import { markingCountries } from './marking-text';
import '../styles/marking.css';

export function MarkingBadge({ marking }: { marking: Marking | undefined }) {
  const { t } = useTranslation();
  const host = useVigie((s) => s.session?.hostCountry ?? 'FR');
  const m = marking ?? null;
  const countries = markingCountries(m, host);
  const text =
    m === null
      ? t('marking.badge.all')
      : countries.length === 1
        ? t('marking.badge.hostOnly', { host })
        : t('marking.badge.list', { list: countries.join(', ') });
  return (
    <span
      className={`marking-badge${m === null ? ' marking-all' : ' marking-restricted'}`}
      data-testid="marking-badge"
      title={t('marking.badge.title')}
    >
      {text}
    </span>
  );
}
