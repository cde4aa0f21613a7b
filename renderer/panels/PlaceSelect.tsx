// A labelled list of places (venues, bridges) with a "none" choice first: the incident form and
// the unit's position editor both place things by choosing one.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface PlaceOption {
  value: string;
  label: string;
}

export function PlaceSelect({
  label,
  testId,
  value,
  options,
  onChange,
  className,
  selectRef,
}: {
  label: string;
  testId: string;
  value: string;
  options: readonly PlaceOption[];
  onChange: (value: string) => void;
  className?: string;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const { t } = useTranslation();
  return (
    <label className={className}>
      <span>{label}</span>
      <select ref={selectRef} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('form.none')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
