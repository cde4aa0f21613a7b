// The role of an account and what comes with it: a liaison's contingent (from listContingents), an
// observer's country (ISO code). Shared by the add and change forms.
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../shared/roles';
import { useRoleLabel } from '../signin/RoleName';
import { useVigie } from '../state/hooks';
import { OperatorField } from './Field';

export interface RoleValue {
  role: Role;
  contingentId: string;
  country: string;
}

export function RoleFields({
  value,
  onChange,
  errors,
  testIdPrefix: id,
}: {
  value: RoleValue;
  onChange: (v: RoleValue) => void;
  errors: Record<string, string>;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const contingents = useVigie((s) => s.contingents);
  return (
    <>
      <OperatorField label={t('operators.role')} error={errors.role} testId={`${id}-role`}>
        <select
          data-testid={`${id}-role`}
          value={value.role}
          onChange={(e) => onChange({ ...value, role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </OperatorField>
      {value.role === 'liaison' && (
        <OperatorField
          label={t('operators.contingent')}
          error={errors.contingentId}
          testId={`${id}-contingent`}
        >
          <select
            data-testid={`${id}-contingent`}
            value={value.contingentId}
            onChange={(e) => onChange({ ...value, contingentId: e.target.value })}
          >
            <option value="">{t('operators.chooseContingent')}</option>
            {contingents.map((c) => (
              <option key={c.id} value={c.id}>
                {c.country} · {c.agency}
              </option>
            ))}
          </select>
        </OperatorField>
      )}
      {value.role === 'observer' && (
        <OperatorField label={t('operators.country')} error={errors.country} testId={`${id}-country`}>
          <input
            data-testid={`${id}-country`}
            value={value.country}
            maxLength={2}
            placeholder={t('operators.countryHint')}
            onChange={(e) => onChange({ ...value, country: e.target.value.toUpperCase() })}
          />
        </OperatorField>
      )}
    </>
  );
}

/** The role's fields as the contract takes them: only what belongs to the role. */
export const roleInput = (v: RoleValue) => ({
  role: v.role,
  contingentId: v.role === 'liaison' ? v.contingentId || null : null,
  country: v.role === 'observer' ? v.country.trim() || null : null,
});
