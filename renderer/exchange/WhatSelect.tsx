// The choice of what an export or a TAK send holds: units, incidents, zones, or all three.
import { useTranslation } from 'react-i18next';
import { EXCHANGE_WHAT, type ExchangeWhat } from '../../shared/exchange/formats';

export function WhatSelect({
  value,
  onChange,
  testId,
}: {
  value: ExchangeWhat;
  onChange: (what: ExchangeWhat) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('exchange.what')}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as ExchangeWhat)}>
        {EXCHANGE_WHAT.map((w) => (
          <option key={w} value={w}>
            {t(`exchange.whats.${w}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
