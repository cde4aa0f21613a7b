// The small sign-in form (name, role, desk → signIn). Closes on success, on Cancel and on Escape;
// a refused sign-in shows the service's message in the error toast.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVigie } from '../state/hooks';
import { OperatorFields, type OperatorInput } from './OperatorFields';

export function SignInForm() {
  const { t } = useTranslation();
  const signIn = useVigie((s) => s.signIn);
  const close = useVigie((s) => s.setSignInOpen);
  const [who, setWho] = useState<OperatorInput>({ name: '', role: '', desk: '' });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    const ok = await signIn(who);
    setBusy(false);
    if (ok) close(false);
  };

  return (
    <form
      className="signin-form"
      aria-label={t('signin.title')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close(false);
      }}
    >
      <h2>{t('signin.title')}</h2>
      <OperatorFields value={who} onChange={setWho} testIdPrefix="signin" autoFocus />
      <div className="form-actions">
        <button type="button" className="btn-ghost" onClick={() => close(false)}>
          {t('signin.cancel')}
        </button>
        <button type="submit" className="btn-primary" data-testid="signin-submit" disabled={busy}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
      </div>
    </form>
  );
}
