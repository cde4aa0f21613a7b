// One field of the operator forms: its label, the control, and the service's complaint about it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE } from '../../shared/api/operators';

export function OperatorField({
  label,
  error,
  testId,
  children,
}: {
  label: string;
  error: string | undefined;
  /** The error's test id is `${testId}-error`. */
  testId: string;
  children: ReactNode;
}) {
  return (
    <label className={error ? 'op-field invalid' : 'op-field'}>
      <span>{label}</span>
      {children}
      {error && (
        <span className="field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </label>
  );
}

/** A new passphrase, never shown, with the length rule under it. */
export function PassphraseField({
  label,
  error,
  testId,
  value,
  onChange,
}: {
  label: string;
  error: string | undefined;
  testId: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <OperatorField label={label} error={error} testId={testId}>
        <input
          type="password"
          data-testid={testId}
          value={value}
          maxLength={200}
          autoComplete="new-password"
          onChange={(e) => onChange(e.target.value)}
        />
      </OperatorField>
      <p className="hint">{t('operators.passphraseHint', { min: MIN_PASSPHRASE })}</p>
    </>
  );
}
