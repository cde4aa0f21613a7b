// The operation clock in Paris time, 24 h HH:MM:SS, ticking each second of the operation clock.
import { useTranslation } from 'react-i18next';
import { iso } from '../../shared/clock';
import { formatClock, formatDayMonth } from '../../shared/time-format';
import { useNow, useOperationClock } from '../clock/use-clock';

export function Clock() {
  const { t } = useTranslation();
  const { clock, timeZone } = useOperationClock();
  const now = useNow(clock);
  return (
    <div className="clock" title={t('topbar.clockLabel')}>
      <span className="clock-date">{formatDayMonth(now, timeZone)}</span>
      <time className="clock-time" data-testid="clock" dateTime={iso(now)}>
        {formatClock(now, timeZone)}
      </time>
    </div>
  );
}
