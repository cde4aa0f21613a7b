// The form's place: "pick on map" and the point it gives, a venue, a bridge, a sector, or words.
// The choices' effects (a venue or a bridge places the incident) are the form's own.
import { useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridges, useVigie } from '../state/hooks';
import { PlaceSelect } from '../panels/PlaceSelect';
import { coord } from './place';
import { usePlaceName } from './use-place-name';
import { placeText } from '../../shared/place-name';
import { currentLanguage } from '../i18n';
import { useSectors } from './use-sectors';
import type { Values } from './incident-form-values';

export interface PlaceFieldsProps {
  v: Values;
  set: <K extends keyof Values>(k: K, value: Values[K]) => void;
  point: { lat: number; lon: number } | null;
  /** Where the point comes from, shown next to it. */
  pointNote: string | null;
  clearPoint: () => void;
  /** The field after "pick on map", which gets the focus back from a map click. */
  afterPickRef: RefObject<HTMLSelectElement | null>;
  chooseVenue: (id: string) => void;
  bridge: string;
  chooseBridge: (key: string) => void;
}

export function PlaceFields(props: PlaceFieldsProps) {
  const { v, set, point, pointNote, clearPoint, afterPickRef, chooseVenue, bridge, chooseBridge } = props;
  const { t } = useTranslation();
  const venues = useVigie((s) => s.venues);
  const picking = useVigie((s) => s.picking);
  const setPicking = useVigie((s) => s.setPicking);
  const sectors = useSectors(v.sector);
  const bridges = useBridges();
  const named = usePlaceName(point);
  const venueOptions = useMemo(() => venues.map((x) => ({ value: x.id, label: x.name })), [venues]);
  const bridgeOptions = useMemo(() => bridges.map((b) => ({ value: b.key, label: b.name })), [bridges]);

  return (
    <fieldset className="form-place">
      <legend>{t('incident.location')}</legend>
      <div className="pick-line">
        <button
          type="button"
          className={picking ? 'btn-primary picking' : 'btn-ghost'}
          data-testid="form-pick"
          aria-pressed={picking}
          onClick={() => setPicking(!picking)}
        >
          {picking ? t('form.picking') : t('form.pick')}
        </button>
        {point ? (
          <span className="point" data-testid="form-point">
            {named && (
              <span className="point-place" data-testid="form-point-place">
                {placeText(named, currentLanguage())}{' '}
              </span>
            )}
            <span className="mono">
              {coord(point.lat)}, {coord(point.lon)}
            </span>{' '}
            <span className="hint">{pointNote}</span>
            <button type="button" className="btn-link" onClick={clearPoint}>
              {t('form.clearPoint')}
            </button>
          </span>
        ) : (
          <span className="hint">{t('form.noPoint')}</span>
        )}
      </div>
      <div className="form-row">
        <PlaceSelect
          className="form-field"
          label={t('incident.venue')}
          testId="form-venue"
          selectRef={afterPickRef}
          value={v.venueId}
          options={venueOptions}
          onChange={chooseVenue}
        />
        <PlaceSelect
          className="form-field"
          label={t('form.bridge')}
          testId="form-bridge"
          value={bridge}
          options={bridgeOptions}
          onChange={chooseBridge}
        />
      </div>
      <div className="form-row">
        <label className="form-field">
          <span>{t('incident.sector')}</span>
          <select data-testid="form-sector" value={v.sector} onChange={(e) => set('sector', e.target.value)}>
            <option value="">{t('form.none')}</option>
            {sectors.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>{t('form.placeText')}</span>
          <input
            data-testid="form-place-text"
            value={v.locationText}
            maxLength={300}
            onChange={(e) => set('locationText', e.target.value)}
          />
        </label>
      </div>
    </fieldset>
  );
}
