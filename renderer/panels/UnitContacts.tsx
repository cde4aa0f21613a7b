// The unit card's "who and how" fields: the languages its contingent works in, the incident it is
// working (a click opens it), its radio and phone, and its contingent's liaison with the ways to
// reach them (the liaison's contact, and the radio and phone of the contingent's liaison units).
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../shared/domain';
import { useContingent, useUnits, useVigie } from '../state/hooks';
import { languageName } from '../units/UnitBoard';
import { Field } from './Fields';

/** "TG 4101 · +33 1 53 71 53 71", or null when the unit gave neither. */
export function contactLine(u: Pick<Unit, 'radio' | 'phone'>): string | null {
  const parts = [u.radio, u.phone].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : null;
}

export function UnitContacts({ unit }: { unit: Unit }) {
  const { t, i18n } = useTranslation();
  const contingent = useContingent(unit.contingentId);
  const incident = useVigie((s) => s.incidentPoints.find((i) => i.unitIds.includes(unit.id)));
  const liaisonUnits = useUnits().filter(
    (u) => u.contingentId === unit.contingentId && u.kind === 'liaison' && contactLine(u),
  );
  const select = useVigie((s) => s.select);
  const languages = contingent?.languages ?? [];
  return (
    <>
      <Field label={t('unit.languages')}>
        <span data-testid="unit-languages">
          {languages.length ? languages.map((l) => languageName(l, i18n.language)).join(', ') : '—'}
        </span>
      </Field>
      <Field label={t('unit.incident')} wide>
        {incident ? (
          <button
            type="button"
            className="btn-link unit-incident"
            data-testid="unit-incident"
            onClick={() => select('incident', incident.id, 'panel')}
          >
            {incident.reference} · {t(`incidentCategory.${incident.category}`)}
          </button>
        ) : (
          <span data-testid="unit-incident-none">{t('unit.noIncident')}</span>
        )}
      </Field>
      <Field label={t('unit.radio')}>
        <span data-testid="unit-radio">{unit.radio ?? '—'}</span>
      </Field>
      <Field label={t('unit.phone')}>
        <span data-testid="unit-phone">{unit.phone ?? '—'}</span>
      </Field>
      <Field label={t('unit.liaison')} wide>
        <span data-testid="unit-liaison">
          {contingent?.liaisonName ?? t('unit.noLiaison')}
          {contingent?.liaisonContact && <> · {contingent.liaisonContact}</>}
        </span>
        {liaisonUnits.map((u) => (
          <span key={u.id} className="liaison-unit" data-testid="unit-liaison-unit">
            {u.callsign}: {contactLine(u)}
          </span>
        ))}
      </Field>
    </>
  );
}
