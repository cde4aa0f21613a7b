// Building blocks of the detail cards: a labelled field, and a time shown in operation time with
// its age ("19:42:10 (3:05 ago)").
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAgeMinutes, formatClock } from '../../shared/time-format';
import { useNow, useOperationClock } from '../clock/use-clock';

export function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function TimeWithAge({ at, testId }: { at: string; testId?: string }) {
  const { t } = useTranslation();
  const { clock, timeZone } = useOperationClock();
  const now = useNow(clock);
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return <span>{at}</span>;
  // A time ahead of the operation clock (a planned time, or clocks out of step) has no age.
  if (ms > now)
    return (
      <time dateTime={at} data-testid={testId}>
        {formatClock(ms, timeZone)}
      </time>
    );
  return (
    <time dateTime={at} data-testid={testId}>
      {t('time.at', { time: formatClock(ms, timeZone), age: formatAgeMinutes(now - ms) })}
    </time>
  );
}
