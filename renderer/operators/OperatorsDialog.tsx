// Operators' accounts, for supervisors (top bar → Operators): every account with its role, its
// contingent or country, and whether it is disabled, locked after failed sign-ins, or still needs
// a passphrase (an operator migrated from a typed name). Add an account, or pick one to change its
// name or role, disable or enable it, or set a new passphrase. Every change is journaled by the
// service; this view only asks.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorAccount } from '../../shared/api/operators';
import { formatClock } from '../../shared/time-format';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { useRoleLabel } from '../signin/RoleName';
import { useVigie } from '../state/hooks';
import { Dialog } from '../units/Dialog';
import { useUnitsView } from '../units/view-store';
import { AddOperatorForm } from './AddOperatorForm';
import { EditOperator } from './EditOperator';

type Side = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; id: string };

export function OperatorsDialog() {
  const { t } = useTranslation();
  const open = useUnitsView((s) => s.open);
  const roleLabel = useRoleLabel();
  const contingents = useVigie((s) => s.contingents);
  const [accounts, setAccounts] = useState<OperatorAccount[] | null>(null);
  const [side, setSide] = useState<Side>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setAccounts(await appClient().listOperators({}));
      setError(null);
    } catch (err) {
      setError(toApiError(err).message);
    }
  }, []);
  useEffect(() => {
    let live = true;
    appClient()
      .listOperators({})
      .then((list) => live && setAccounts(list))
      .catch((err: unknown) => live && setError(toApiError(err).message));
    return () => {
      live = false;
    };
  }, []);

  const agency = (id: string | null) => {
    const c = id ? contingents.find((x) => x.id === id) : null;
    return c ? `${c.country} · ${c.agency}` : (id ?? '');
  };
  const editing = side.kind === 'edit' ? accounts?.find((a) => a.id === side.id) : undefined;
  // Locked-until is real time (the lockout runs on the wall clock, not the exercise's).
  const until = (at: string) =>
    formatClock(Date.parse(at), Intl.DateTimeFormat().resolvedOptions().timeZone, false);

  return (
    <Dialog testId="operators-dialog" title={t('operators.title')} onClose={() => open(null)} wide>
      <div className="operators-layout">
        <div className="operators-list">
          <div className="operators-bar">
            <p className="hint">{t('operators.intro')}</p>
            <button
              type="button"
              className="btn-primary"
              data-testid="operator-add"
              onClick={() => {
                setSide({ kind: 'add' });
                setNotice(null);
              }}
            >
              {t('operators.addOpen')}
            </button>
          </div>
          {notice && (
            <p className="op-notice" role="status" data-testid="operators-notice">
              {notice}
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <table className="operators-table">
            <thead>
              <tr>
                <th>{t('operators.login')}</th>
                <th>{t('operators.name')}</th>
                <th>{t('operators.role')}</th>
                <th>{t('operators.reads')}</th>
                <th>{t('operators.state')}</th>
              </tr>
            </thead>
            <tbody>
              {(accounts ?? []).map((a) => (
                <tr
                  key={a.id}
                  data-testid="operator-row"
                  data-login={a.login}
                  className={side.kind === 'edit' && side.id === a.id ? 'selected' : undefined}
                  onClick={() => {
                    setSide({ kind: 'edit', id: a.id });
                    setNotice(null);
                  }}
                >
                  <td className="mono">
                    <button type="button" className="link-button" data-testid="operator-open">
                      {a.login}
                    </button>
                  </td>
                  <td>{a.name}</td>
                  <td>{roleLabel(a.role)}</td>
                  <td>{a.role === 'liaison' ? agency(a.contingentId) : (a.country ?? '—')}</td>
                  <td className="op-state">
                    {a.disabled && <span className="op-badge off">{t('operators.disabled')}</span>}
                    {a.lockedUntil && (
                      <span className="op-badge warn">
                        {t('operators.lockedUntil', { time: until(a.lockedUntil) })}
                      </span>
                    )}
                    {a.needsPassphrase && (
                      <span className="op-badge warn">{t('operators.needsPassphrase')}</span>
                    )}
                    {!a.disabled && !a.lockedUntil && !a.needsPassphrase && (
                      <span className="op-badge ok">{t('operators.active')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="operators-side">
          {side.kind === 'add' && (
            <AddOperatorForm
              onCancel={() => setSide({ kind: 'none' })}
              onAdded={(a) => {
                setNotice(t('operators.added', { login: a.login }));
                setSide({ kind: 'edit', id: a.id });
                void load();
              }}
            />
          )}
          {editing && (
            <EditOperator
              key={`${editing.id}:${editing.version}`}
              account={editing}
              onClose={() => setSide({ kind: 'none' })}
              onChanged={(_a, message) => {
                setNotice(message);
                void load();
              }}
            />
          )}
          {side.kind === 'none' && <p className="hint">{t('operators.pick')}</p>}
        </div>
      </div>
    </Dialog>
  );
}
