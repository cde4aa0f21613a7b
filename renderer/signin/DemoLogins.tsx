// An exercise's demo logins, one per role: public credentials of the shipped scenario (a real
// operation has none), listed so the README's start command opens a usable console. A click fills
// the sign-in form.
import { useTranslation } from 'react-i18next';
import type { DemoLogin } from '../../shared/api/session';
import { RoleName } from './RoleName';

export function DemoLogins({ logins, onPick }: { logins: DemoLogin[]; onPick: (d: DemoLogin) => void }) {
  const { t } = useTranslation();
  return (
    <section className="demo-logins" aria-labelledby="demo-logins-title" data-testid="demo-logins">
      <h2 id="demo-logins-title">{t('signIn.demoTitle')}</h2>
      <p className="hint">{t('signIn.demoHint')}</p>
      <table>
        <thead>
          <tr>
            <th>{t('signIn.login')}</th>
            <th>{t('signIn.role')}</th>
            <th>{t('signIn.passphrase')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {logins.map((d) => (
            <tr key={d.login} data-testid="demo-login" data-login={d.login}>
              <td className="mono">{d.login}</td>
              <td>
                <RoleName role={d.role} />
              </td>
              <td className="mono">{d.passphrase}</td>
              <td>
                <button
                  type="button"
                  className="btn-ghost btn-small"
                  data-testid={`demo-login-${d.login}`}
                  onClick={() => onPick(d)}
                >
                  {t('signIn.use')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
