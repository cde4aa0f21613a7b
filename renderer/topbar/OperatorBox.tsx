// Who is at this desk: the signed-in operator (name, role, desk), or a Sign in button.
import { useTranslation } from 'react-i18next';
import { useSession, useVigie } from '../state/hooks';
import { SignInForm } from './SignInForm';

export function OperatorBox() {
  const { t } = useTranslation();
  const session = useSession();
  const open = useVigie((s) => s.signInOpen);
  const setOpen = useVigie((s) => s.setSignInOpen);
  const operator = session?.operator ?? null;

  if (operator) {
    return (
      <div className="operator" data-testid="operator">
        <span className="operator-name">{operator.name}</span>
        <span className="operator-meta">
          {operator.role} · {t('topbar.desk', { desk: operator.desk })}
        </span>
      </div>
    );
  }
  return (
    <div className="operator">
      <button
        type="button"
        className="btn-primary"
        data-testid="sign-in"
        aria-expanded={open}
        disabled={!session}
        onClick={() => setOpen(!open)}
      >
        {t('topbar.signIn')}
      </button>
      {open && <SignInForm />}
    </div>
  );
}
