// The nearest available units to a point right-clicked on the map, over the map's corner. A row
// selects the unit (the map eases to it); the officer assigns from an incident, not from a point.
import { useTranslation } from 'react-i18next';
import { useCan, useVigie } from '../state/hooks';
import { NearestList } from './NearestList';

export function NearestHere() {
  const { t } = useTranslation();
  const point = useVigie((s) => s.nearestPoint);
  const close = useVigie((s) => s.setNearestPoint);
  const select = useVigie((s) => s.select);
  // A wall screen may not look up nearest units.
  const may = useCan('nearestUnits');
  if (!point || !may) return null;
  return (
    <section
      className="nearest-here"
      data-testid="nearest-here"
      aria-labelledby="nearest-here-title"
      onKeyDown={(e) => e.key === 'Escape' && close(null)}
    >
      <h3 id="nearest-here-title">
        {t('nearest.here', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) })}
        <button type="button" className="btn-icon" aria-label={t('panel.close')} onClick={() => close(null)}>
          ×
        </button>
      </h3>
      <NearestList
        place={point}
        action={(r) => (
          <button
            type="button"
            className="btn-ghost btn-small"
            data-testid="nearest-show"
            onClick={() => select('unit', r.unit.id, 'panel')}
          >
            {t('nearest.show')}
          </button>
        )}
      />
    </section>
  );
}
