// Who is at this desk: the signed-in operator's name, role (translated) and desk, and Sign out.
import { useTranslation } from 'react-i18next';
import { useRoleLabel } from '../signin/RoleName';
import { useSession, useVigie } from '../state/hooks';

export function OperatorBox() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const operator = useSession()?.operator ?? null;
  const signOut = useVigie((s) => s.signOut);
  if (!operator) return null;
  return (
    <div className="operator" data-testid="operator">
      <div className="operator-who">
        <span className="operator-name" data-testid="operator-name">
          {operator.name}
        </span>
        <span className="operator-meta">
          <span data-testid="operator-role" data-role={operator.role}>
            {roleLabel(operator.role)}
          </span>{' '}
          · {t('topbar.desk', { desk: operator.desk })}
        </span>
      </div>
      <button
        type="button"
        className="btn-ghost btn-small"
        data-testid="sign-out"
        onClick={() => void signOut()}
      >
        {t('topbar.signOut')}
      </button>
    </div>
  );
}
