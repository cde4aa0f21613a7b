// A labelled text input whose change hands back the new text: the shape every form in the console
// repeats (sign-in, lock screen, handover, settings, unit position). Other input attributes
// (data-testid, required, maxLength, type, autoFocus…) go to the input as given.
import type { InputHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

export function TextField({
  label,
  value,
  onChange,
  ...input
}: InputProps & { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      <span>{label}</span>
      <input {...input} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
