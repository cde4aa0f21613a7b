// The map key, in the current language: unit status colours, incident priorities (colour) and
// statuses (shape), route, venue. Says so when the board's filters also filter the map. It folds
// away (remembered) to give a narrow map its corner back.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, UNIT_STATUSES } from '../../shared/domain';
import { PRIORITY_COLOR, THEME, UNIT_STATUS_COLOR } from './palette';

const SHAPES = ['new', 'working', 'on_scene', 'resolved', 'closed'] as const;
const STORAGE_KEY = 'vigie.legend';

function storedOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'closed';
  } catch {
    return true;
  }
}

export function Legend({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(storedOpen);
  const toggle = () => {
    setOpen(!open);
    try {
      localStorage.setItem(STORAGE_KEY, open ? 'closed' : 'open');
    } catch {
      // storage unavailable: the choice lasts for this session only
    }
  };
  const button = (
    <button
      type="button"
      className="legend-toggle"
      data-testid="legend-toggle"
      aria-expanded={open}
      onClick={toggle}
    >
      {open ? t('map.legendHide') : t('map.legendShow')}
    </button>
  );
  if (!open) {
    return (
      <aside className="legend legend-folded" aria-label={t('map.legendLabel')}>
        {button}
        {filtered && (
          <p className="legend-filtered" data-testid="legend-filtered">
            {t('map.filtered')}
          </p>
        )}
      </aside>
    );
  }
  return (
    <aside className="legend" aria-label={t('map.legendLabel')}>
      {button}
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
      <div className="legend-group">
        <h3>{t('map.legendStatus')}</h3>
        <ul>
          {SHAPES.map((s) => (
            <li key={s}>
              <span className={`swatch shape shape-${s}`} style={{ color: PRIORITY_COLOR[2] }} />
              {t(`map.shape.${s}`)}
            </li>
          ))}
          <li>
            <span className="swatch shape shape-pulse" style={{ color: PRIORITY_COLOR[1] }} />
            {t('map.shape.pulse')}
          </li>
        </ul>
        {filtered && (
          <p className="legend-filtered" data-testid="legend-filtered">
            {t('map.filtered')}
          </p>
        )}
      </div>
    </aside>
  );
}
