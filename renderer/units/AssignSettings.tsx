// Settings of assignment by need: the unit kinds each incident category needs (a chip per kind,
// removable, and a list to add one), the speeds and detour of travel times, and a dog's work period.
import { useTranslation } from 'react-i18next';
import { INCIDENT_CATEGORIES, UNIT_KINDS, type UnitKind } from '../../shared/domain';
import type { UnitNeeds } from '../../shared/assignment';
import { MAX_K9_WORK_MINUTES } from '../../shared/k9-rest';
import { TextField } from '../panels/TextField';

/** The form's text of the travel and rest settings (numbers as typed). */
export interface TravelText {
  footKmh: string;
  roadKmh: string;
  riverKmh: string;
  detour: string;
  k9WorkMinutes: string;
}

export function NeedsFields({ value, onChange }: { value: UnitNeeds; onChange: (v: UnitNeeds) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="needs-fields" data-testid="settings-needs">
      <legend>{t('settingsAssign.needsTitle')}</legend>
      {INCIDENT_CATEGORIES.map((c) => {
        const kinds = value[c];
        const set = (next: UnitKind[]) => onChange({ ...value, [c]: next });
        return (
          <div key={c} className="needs-row" data-testid="settings-needs-row" data-category={c}>
            <span className="needs-category">{t(`incidentCategory.${c}`)}</span>
            <span className="needs-kinds">
              {kinds.map((k) => (
                <button
                  key={k}
                  type="button"
                  className="chip"
                  aria-label={t('settingsAssign.removeKind', { kind: t(`unitKind.${k}`) })}
                  onClick={() => set(kinds.filter((x) => x !== k))}
                >
                  {t(`unitKind.${k}`)} ×
                </button>
              ))}
              <select
                aria-label={`${t(`incidentCategory.${c}`)}: ${t('settingsAssign.addKind')}`}
                data-testid={`settings-needs-add-${c}`}
                value=""
                onChange={(e) => e.target.value && set([...kinds, e.target.value as UnitKind])}
              >
                <option value="">{t('settingsAssign.addKind')}</option>
                {UNIT_KINDS.filter((k) => !kinds.includes(k)).map((k) => (
                  <option key={k} value={k}>
                    {t(`unitKind.${k}`)}
                  </option>
                ))}
              </select>
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}

export function TravelFields({ value, onChange }: { value: TravelText; onChange: (v: TravelText) => void }) {
  const { t } = useTranslation();
  const field = (key: keyof TravelText, label: string, min: number, max: number, step: string) => (
    <TextField
      label={label}
      type="number"
      min={min}
      max={max}
      step={step}
      required
      data-testid={`settings-${key}`}
      value={value[key]}
      onChange={(v) => onChange({ ...value, [key]: v })}
    />
  );
  return (
    <fieldset className="travel-fields" data-testid="settings-travel">
      <legend>{t('settingsAssign.travelTitle')}</legend>
      {field('footKmh', t('settingsAssign.footKmh'), 1, 15, 'any')}
      {field('roadKmh', t('settingsAssign.roadKmh'), 1, 130, 'any')}
      {field('riverKmh', t('settingsAssign.riverKmh'), 1, 60, 'any')}
      {field('detour', t('settingsAssign.detour'), 1, 3, '0.05')}
      {field('k9WorkMinutes', t('settingsAssign.k9Work'), 5, MAX_K9_WORK_MINUTES, '1')}
    </fieldset>
  );
}
