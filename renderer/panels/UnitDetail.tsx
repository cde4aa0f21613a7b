// Detail card of the selected unit: identity, contingent, kind, status (changeable), personnel,
// armed, languages, incident, radio, phone and liaison (UnitContacts), K9 handler and dog, last
// position and its time in operation time, marked stale past the settings' threshold.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../shared/domain';
import { countryName } from '../i18n/country';
import { UNIT_STATUS_VAR } from '../map/palette';
import { useMayChangeUnit, useVenueName, useVigie } from '../state/hooks';
import { Field, TimeWithAge } from './Fields';
import { UnitStatusSelect } from './UnitStatusSelect';
import { PositionEditor } from '../units/PositionEditor';
import { K9RestField } from '../units/K9Rest';
import { UnitContacts } from './UnitContacts';

const coord = (v: number) => v.toFixed(5);

export function UnitDetail({ unit }: { unit: Unit }) {
  const { t, i18n } = useTranslation();
  const clear = useVigie((s) => s.clearSelection);
  const venue = useVenueName(unit.venueId);
  const [moving, setMoving] = useState(false);
  const mayMove = useMayChangeUnit(unit, 'moveUnit');
  return (
    <section
      className="detail"
      data-testid="unit-detail"
      aria-label={t('unit.detailTitle', { callsign: unit.callsign })}
    >
      <header className="detail-head">
        <span className="status-bar tall" style={{ background: UNIT_STATUS_VAR[unit.status] }} />
        <h2 className="detail-title">{unit.callsign}</h2>
        <span className="detail-sub">{t(`unitKind.${unit.kind}`)}</span>
        <button type="button" className="btn-icon" aria-label={t('panel.close')} onClick={clear}>
          ×
        </button>
      </header>
      {unit.positionStale && (
        <p className="stale-tag" data-testid="unit-stale" title={t('unit.staleHint')}>
          {t('unit.stale')}
        </p>
      )}
      <dl className="fields">
        <Field label={t('unit.contingent')} wide>
          <span className="country">{unit.country}</span> {countryName(unit.country, i18n.language)} ·{' '}
          {unit.agency}
        </Field>
        <Field label={t('unit.status')} wide>
          <UnitStatusSelect unit={unit} />
        </Field>
        <Field label={t('unit.kind')}>{t(`unitKind.${unit.kind}`)}</Field>
        <Field label={t('unit.personnel')}>{unit.personnel}</Field>
        <Field label={t('unit.armed')}>{unit.armed ? t('unit.yes') : t('unit.no')}</Field>
        <UnitContacts unit={unit} />
        {unit.sector && <Field label={t('unit.sector')}>{unit.sector}</Field>}
        {venue && <Field label={t('unit.venue')}>{venue}</Field>}
        <K9RestField unit={unit} />
        {unit.k9 && (
          <>
            <Field label={t('unit.k9Handler')}>{unit.k9.handler ?? '—'}</Field>
            <Field label={t('unit.k9Dog')}>{unit.k9.dog ?? '—'}</Field>
            {unit.k9.detection && <Field label={t('unit.k9Detection')}>{unit.k9.detection}</Field>}
          </>
        )}
        <Field label={t('unit.position')} wide>
          {unit.lat !== null && unit.lon !== null ? (
            <>
              <span className="mono">
                {coord(unit.lat)}, {coord(unit.lon)}
              </span>
              {unit.positionAt && (
                <>
                  {' · '}
                  <TimeWithAge at={unit.positionAt} testId="unit-position-time" />
                </>
              )}
            </>
          ) : (
            t('unit.noPosition')
          )}
          {!moving && mayMove && (
            <button
              type="button"
              className="btn-ghost btn-small move-open"
              data-testid="unit-move-open"
              onClick={() => setMoving(true)}
            >
              {t('unit.move.open')}
            </button>
          )}
          {moving && <PositionEditor key={unit.id} unit={unit} onClose={() => setMoving(false)} />}
        </Field>
        {unit.notes && (
          <Field label={t('unit.notes')} wide>
            {unit.notes}
          </Field>
        )}
      </dl>
    </section>
  );
}
