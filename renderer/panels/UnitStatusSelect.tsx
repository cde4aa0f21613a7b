// Changes a unit's status through the API (setUnitStatus, with the row's version). The service
// refuses it to a role that may not (a liaison: another contingent's unit); the select is disabled
// for those and says why, and a refusal's message shows in the error toast.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_STATUSES, type Unit, type UnitStatus } from '../../shared/domain';
import { useVigie, useWhyNotChangeUnit } from '../state/hooks';

const isUnitStatus = (v: string): v is UnitStatus => (UNIT_STATUSES as readonly string[]).includes(v);

export function UnitStatusSelect({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const setUnitStatus = useVigie((s) => s.setUnitStatus);
  const whyNot = useWhyNotChangeUnit(unit, 'setUnitStatus');
  const [saving, setSaving] = useState(false);

  const change = async (value: string) => {
    if (!isUnitStatus(value) || value === unit.status) return;
    setSaving(true);
    await setUnitStatus(unit.id, value);
    setSaving(false);
  };

  return (
    <div className="status-change">
      <select
        id="unit-status"
        data-testid="unit-status-select"
        aria-label={t('unit.changeStatus')}
        value={unit.status}
        disabled={saving || whyNot !== null}
        title={whyNot ? t(whyNot) : undefined}
        onChange={(e) => void change(e.target.value)}
      >
        {UNIT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`unitStatus.${s}`)}
          </option>
        ))}
      </select>
      {saving && <span className="hint">{t('unit.saving')}</span>}
    </div>
  );
}
