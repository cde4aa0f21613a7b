// A labelled list of places (venues, bridges) with a "none" choice first: the incident form and
// the unit's position editor both place things by choosing one.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect, type Choice } from './ChoiceSelect';

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
  options: readonly Choice[];
  onChange: (value: string) => void;
  className?: string;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const { t } = useTranslation();
  return (
    <label className={className}>
      <span>{label}</span>
      <ChoiceSelect
        ref={selectRef}
        data-testid={testId}
        empty={t('form.none')}
        choices={options}
        value={value}
        onChange={onChange}
      />
    </label>
  );
}
