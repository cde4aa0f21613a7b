// The available units nearest a place (nearestUnits), filtered by kind and contingent language,
// with straight-line distance and minutes on foot. The place is an incident or a map point; what
// a row offers (assign to the incident, show the unit) is the caller's.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NearestAnswer, NearestUnit } from '../../shared/api/units';
import { UNIT_KINDS, type UnitKind } from '../../shared/domain';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { useUnits, useVigie } from '../state/hooks';
import { ChoiceSelect } from '../panels/ChoiceSelect';
import { Flag } from './Flag';
import { languageName } from './UnitBoard';

export type NearestPlace = { incidentId: string; version: number } | { lat: number; lon: number };

const formatDistance = (m: number) =>
  m < 1000 ? `${Math.round(m / 10) * 10} m` : `${(m / 1000).toFixed(1)} km`;

export function NearestList(props: { place: NearestPlace; action: (row: NearestUnit) => ReactNode }) {
  const { place, action } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const contingents = useVigie((s) => s.contingents);
  const units = useUnits();
  const [kind, setKind] = useState<UnitKind | ''>('');
  const [language, setLanguage] = useState('');
  const [answer, setAnswer] = useState<NearestAnswer | null>(null);
  const rows = answer?.units ?? null;
  const [error, setError] = useState<string | null>(null);
  const languages = useMemo(
    () => [...new Set(contingents.flatMap((c) => c.languages))].sort(),
    [contingents],
  );
  // Primitive dependencies: a new object for the same place must not re-query.
  const incidentId = 'incidentId' in place ? place.incidentId : null;
  const version = 'incidentId' in place ? place.version : null;
  const lat = 'lat' in place ? place.lat : null;
  const lon = 'lon' in place ? place.lon : null;

  useEffect(() => {
    let live = true;
    const where = incidentId !== null ? { incidentId } : { lat: lat ?? 0, lon: lon ?? 0 };
    appClient()
      .nearestUnits({ ...where, limit: 10, ...(kind ? { kind } : {}), ...(language ? { language } : {}) })
      .then((r) => {
        if (!live) return;
        setAnswer(r);
        setError(null);
      })
      .catch((err: unknown) => live && setError(toApiError(err).message));
    return () => {
      live = false;
    };
  }, [incidentId, version, lat, lon, kind, language, units]);

  return (
    <>
      <div className="nearest-filters">
        <ChoiceSelect
          aria-label={t('uboard.kind')}
          data-testid="nearest-kind"
          empty={t('nearest.anyKind')}
          choices={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          value={kind}
          onChange={(k) => setKind(k as UnitKind | '')}
        />
        <ChoiceSelect
          aria-label={t('uboard.language')}
          data-testid="nearest-language"
          empty={t('nearest.anyLanguage')}
          choices={languages.map((l) => ({ value: l, label: languageName(l, lang) }))}
          value={language}
          onChange={setLanguage}
        />
      </div>
      {error && <p className="form-error">{error}</p>}
      {answer && answer.units.length === 0 && (
        <p className="hint" data-testid="nearest-none">
          {t('nearestLimit.none', { km: answer.maxKm })}
        </p>
      )}
      {rows && rows.length > 0 && (
        <ul className="nearest-list">
          {rows.map((r) => (
            <li
              key={r.unit.id}
              data-testid="nearest-unit"
              data-callsign={r.unit.callsign}
              data-distance-m={Math.round(r.distanceM)}
            >
              <span className="callsign">{r.unit.callsign}</span>
              <Flag code={r.unit.country} lang={lang} />
              <span className="kind">{t(`unitKind.${r.unit.kind}`)}</span>
              <span className="mono nearest-dist" data-testid="nearest-distance">
                {formatDistance(r.distanceM)}
              </span>
              <span className="nearest-walk">{t('nearest.walk', { count: r.walkMinutes })}</span>
              {action(r)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
