// One account, as a supervisor changes it: name and role (with contingent or country), disable or
// enable, a new passphrase (which also enables a migrated account that had none). Each is its own
// call on the account's version; a refusal shows next to the field it names.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorAccount } from '../../shared/api/operators';
import { appClient } from '../lock/client';
import { OperatorField, PassphraseField } from './Field';
import { NO_ERRORS, formErrors, type FormErrors } from './field-errors';
import { RoleFields, roleInput, type RoleValue } from './RoleFields';

const FIELDS = ['name', 'role', 'contingentId', 'country'] as const;

export function EditOperator({
  account: a,
  onChanged,
  onClose,
}: {
  account: OperatorAccount;
  /** The account as the service answered it (or null: read the list again, e.g. after a conflict). */
  onChanged: (account: OperatorAccount | null, notice: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(a.name);
  const [role, setRole] = useState<RoleValue>({
    role: a.role,
    contingentId: a.contingentId ?? '',
    country: a.country ?? '',
  });
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [passErrors, setPassErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const run = async (
    call: () => Promise<OperatorAccount>,
    notice: string,
    fields: readonly string[],
    setErr: (e: FormErrors) => void,
  ) => {
    setBusy(true);
    setErrors(NO_ERRORS);
    setPassErrors(NO_ERRORS);
    try {
      onChanged(await call(), notice);
    } catch (err) {
      setErr(formErrors(err, fields));
    }
    setBusy(false);
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () =>
        appClient().updateOperator({ id: a.id, version: a.version, name: name.trim(), ...roleInput(role) }),
      t('operators.saved', { login: a.login }),
      FIELDS,
      setErrors,
    );
  };

  const reset = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => appClient().resetPassphrase({ id: a.id, passphrase }),
      t('operators.passphraseSet', { login: a.login }),
      ['passphrase'],
      setPassErrors,
    ).then(() => setPassphrase(''));
  };

  const toggle = () =>
    void run(
      () => appClient().updateOperator({ id: a.id, version: a.version, disabled: !a.disabled }),
      t(a.disabled ? 'operators.enabled' : 'operators.disabledNotice', { login: a.login }),
      [],
      setErrors,
    );

  return (
    <div className="op-edit" data-testid="operator-edit" data-login={a.login}>
      <h3>{t('operators.editTitle', { login: a.login })}</h3>
      <form className="op-form" onSubmit={save}>
        <OperatorField label={t('operators.name')} error={errors.fields.name} testId="op-edit-name">
          <input
            data-testid="op-edit-name"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
        </OperatorField>
        <RoleFields value={role} onChange={setRole} errors={errors.fields} testIdPrefix="op-edit" />
        {errors.message && (
          <p className="form-error" role="alert" data-testid="op-edit-error">
            {errors.message}
          </p>
        )}
        <div className="form-actions">
          <button
            type="button"
            className="btn-ghost"
            data-testid="op-toggle-disabled"
            disabled={busy}
            onClick={toggle}
          >
            {a.disabled ? t('operators.enable') : t('operators.disable')}
          </button>
          <button type="submit" className="btn-primary" data-testid="op-edit-save" disabled={busy}>
            {t('operators.save')}
          </button>
        </div>
      </form>
      <form className="op-form" onSubmit={reset}>
        <PassphraseField
          label={t('operators.newPassphrase')}
          error={passErrors.fields.passphrase}
          testId="op-reset-passphrase"
          value={passphrase}
          onChange={setPassphrase}
        />
        {passErrors.message && (
          <p className="form-error" role="alert">
            {passErrors.message}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="btn-ghost" onClick={onClose}>
            {t('operators.close')}
          </button>
          <button
            type="submit"
            className="btn-primary"
            data-testid="op-reset-submit"
            disabled={busy || !passphrase}
            title={passphrase ? undefined : t('why.passphrase')}
          >
            {t('operators.resetPassphrase')}
          </button>
        </div>
      </form>
    </div>
  );
}
