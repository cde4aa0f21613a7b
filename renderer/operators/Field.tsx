// One field of the operator forms: its label, the control, and the service's complaint about it.
import type { ReactNode } from 'react';

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
