// Measure: the distance tool (click points on the map while this panel is open; the total and each
// leg's sum are shown, "Clear" starts again, "Undo" drops the last point). Finding a place is the
// search box on the map's tool bar (PlaceSearch.tsx).
import { useTranslation } from 'react-i18next';
import { useStoreApi, useVigie } from '../state/hooks';
import { formatKm, pathKm } from './measure';

export function MeasurePanel() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const points = useVigie((s) => s.measurePoints);
  return (
    <div className="measure">
      <div className="measure-distance">
        <p>{t('mapTools.measure.help')}</p>
        <p className="measure-total" data-testid="measure-total">
          {t('mapTools.measure.total', { distance: formatKm(pathKm(points)), count: points.length })}
        </p>
        <div className="zone-actions">
          <button
            type="button"
            disabled={!points.length}
            onClick={() => store.getState().setMeasurePoints(points.slice(0, -1))}
          >
            {t('mapTools.measure.undo')}
          </button>
          <button
            type="button"
            data-testid="measure-clear"
            disabled={!points.length}
            onClick={() => store.getState().setMeasurePoints([])}
          >
            {t('mapTools.measure.clear')}
          </button>
        </div>
      </div>
    </div>
  );
}
