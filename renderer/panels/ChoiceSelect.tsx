// A select whose first choice is "any" / "none" (the empty value) followed by the given choices:
// the board filters, the units board, the nearest-units filters and the place pickers all read so.
// Other select attributes (data-testid, aria-label, className…) go to the select as given.
import type { Ref, SelectHTMLAttributes } from 'react';

export interface Choice {
  value: string;
  label: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;

export function ChoiceSelect({
  empty,
  choices,
  value,
  onChange,
  ref,
  ...select
}: SelectProps & {
  /** The label of the empty choice ("Any kind", "None"…). */
  empty: string;
  choices: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLSelectElement>;
}) {
  return (
    <select {...select} ref={ref} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
