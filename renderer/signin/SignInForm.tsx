// Signing in on the desk: login, passphrase, desk → signIn. In an exercise the demo logins are
// listed beside the form (public credentials of the scenario); a click fills the form. A refused
// sign-in shows the service's message under the form, which never says which field was wrong.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberedDesk } from '../state/session-slice';
import { useSession, useVigie } from '../state/hooks';
import type { SignInInput } from '../state/types';
import { DemoLogins } from './DemoLogins';
import { SignInFields } from './SignInFields';
import { WALL_DESK, WALL_LOGIN } from '../wall/at-wall';

export function SignInForm(props: {
  /** Test ids: `${prefix}-login`, `-passphrase`, `-desk`, `-submit`, `-error`. */
  testIdPrefix: string;
  /** The desk to prefill (the lock screen keeps the locked desk's name). */
  desk?: string;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** The wall screen's sign-in (/wall): the wall's login filled in, only its demo login offered. */
  wall?: boolean;
}) {
  const { testIdPrefix: id, onCancel, autoFocus } = props;
  const { t } = useTranslation();
  const signIn = useVigie((s) => s.signIn);
  const all = useSession()?.demoLogins ?? [];
  const demo = props.wall ? all.filter((d) => d.role === 'wall') : all;
  const [who, setWho] = useState<SignInInput>({
    login: props.wall ? WALL_LOGIN : '',
    passphrase: '',
    desk: props.desk ?? (props.wall ? WALL_DESK : rememberedDesk()),
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const refused = await signIn({ ...who, login: who.login.trim(), desk: who.desk.trim() });
    // On success this form goes away with the screen that holds it.
    if (refused) {
      setError(refused);
      setWho((w) => ({ ...w, passphrase: '' }));
      setBusy(false);
    }
  };

  return (
    <div className="signin-layout">
      <form
        ref={form}
        className="signin-form"
        aria-label={t('signIn.title')}
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onCancel) onCancel();
        }}
      >
        <SignInFields value={who} onChange={setWho} testIdPrefix={id} autoFocus={autoFocus} />
        {error && (
          <p className="form-error" role="alert" data-testid={`${id}-error`}>
            {error}
          </p>
        )}
        <div className="form-actions">
          {onCancel && (
            <button type="button" className="btn-ghost" onClick={onCancel}>
              {t('signIn.cancel')}
            </button>
          )}
          <button type="submit" className="btn-primary" data-testid={`${id}-submit`} disabled={busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </div>
      </form>
      {demo.length > 0 && (
        <DemoLogins
          logins={demo}
          onPick={(d) => {
            setWho((w) => ({ ...w, login: d.login, passphrase: d.passphrase }));
            setError(null);
            // The desk is the one thing left to type when it is still empty.
            const desk = form.current?.querySelector<HTMLInputElement>(`[data-testid="${id}-desk"]`);
            if (desk && !desk.value) desk.focus();
          }}
        />
      )}
    </div>
  );
}
