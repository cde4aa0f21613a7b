// A role as the operator reads it, translated; an unknown value (a migrated account's typed role,
// 'system') is shown as stored.
import { useTranslation } from 'react-i18next';
import { isRole } from '../../shared/roles';

export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => (isRole(role) ? t(`roles.${role}`) : role);
}

export function RoleName({ role }: { role: string }) {
  return <>{useRoleLabel()(role)}</>;
}
