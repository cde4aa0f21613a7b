// The map key, in the current language: unit status colours, incident priorities, route, venue.
import { useTranslation } from 'react-i18next';
import { PRIORITIES, UNIT_STATUSES } from '../../shared/domain';
import { PRIORITY_COLOR, THEME, UNIT_STATUS_COLOR } from './palette';

export function Legend() {
  const { t } = useTranslation();
  return (
    <aside className="legend" aria-label={t('map.legendUnits')}>
      <div className="legend-group">
        <h3>{t('map.legendUnits')}</h3>
        <ul>
          {UNIT_STATUSES.map((s) => (
            <li key={s}>
              <span className="swatch dot" style={{ background: UNIT_STATUS_COLOR[s] }} />
              {t(`unitStatus.${s}`)}
            </li>
          ))}
        </ul>
      </div>
      <div className="legend-group">
        <h3>{t('map.legendIncidents')}</h3>
        <ul>
          {PRIORITIES.map((p) => (
            <li key={p}>
              <span className="swatch ring" style={{ color: PRIORITY_COLOR[p] }} />
              {t(`priority.${p}`)}
            </li>
          ))}
        </ul>
        <ul className="legend-extra">
          <li>
            <span className="swatch line" style={{ background: THEME.route }} />
            {t('map.legendRoute')}
          </li>
          <li>
            <span className="swatch venue" style={{ borderColor: THEME.venue }} />
            {t('map.legendVenue')}
          </li>
        </ul>
      </div>
    </aside>
  );
}
