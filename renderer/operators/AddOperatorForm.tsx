// Adds an account: login, name, role (with a liaison's contingent or an observer's country) and a
// first passphrase of at least 12 characters, which the new operator is given in person. The
// service checks everything; its complaints show next to the fields they name.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorAccount } from '../../shared/api/operators';
import { appClient } from '../lock/client';
import { OperatorField, PassphraseField } from './Field';
import { NO_ERRORS, formErrors, type FormErrors } from './field-errors';
import { RoleFields, roleInput, type RoleValue } from './RoleFields';

const FIELDS = ['login', 'name', 'role', 'contingentId', 'country', 'passphrase'] as const;

export function AddOperatorForm({
  onAdded,
  onCancel,
}: {
  onAdded: (account: OperatorAccount) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<RoleValue>({ role: 'watch_officer', contingentId: '', country: '' });
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const account = await appClient().addOperator({
        login: login.trim(),
        name: name.trim(),
        passphrase,
        ...roleInput(role),
      });
      onAdded(account);
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    }
    setBusy(false);
  };

  const f = errors.fields;
  return (
    <form className="op-form" data-testid="operator-add-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('operators.addTitle')}</h3>
      <OperatorField label={t('operators.login')} error={f.login} testId="op-add-login">
        <input
          data-testid="op-add-login"
          value={login}
          maxLength={40}
          autoCapitalize="none"
          spellCheck={false}
          autoComplete="off"
          autoFocus
          onChange={(e) => setLogin(e.target.value)}
        />
      </OperatorField>
      <OperatorField label={t('operators.name')} error={f.name} testId="op-add-name">
        <input
          data-testid="op-add-name"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
      </OperatorField>
      <RoleFields value={role} onChange={setRole} errors={f} testIdPrefix="op-add" />
      <PassphraseField
        label={t('operators.passphrase')}
        error={f.passphrase}
        testId="op-add-passphrase"
        value={passphrase}
        onChange={setPassphrase}
      />
      {errors.message && (
        <p className="form-error" role="alert" data-testid="op-add-error">
          {errors.message}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn-ghost" onClick={onCancel}>
          {t('operators.cancel')}
        </button>
        <button type="submit" className="btn-primary" data-testid="op-add-submit" disabled={busy}>
          {t('operators.add')}
        </button>
      </div>
    </form>
  );
}
