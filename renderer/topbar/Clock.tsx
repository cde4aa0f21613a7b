// The operation clock in the operation's time zone, 24 h HH:MM:SS, ticking each second of the operation clock.
import { useTranslation } from 'react-i18next';
import { iso } from '../../shared/clock';
import { formatClock, formatDayMonth } from '../../shared/time-format';
import { useNow, useOperationClock } from '../clock/use-clock';
import { zoneLabel } from '../../shared/report/format';

export function Clock() {
  const { t } = useTranslation();
  const { clock, timeZone } = useOperationClock();
  const now = useNow(clock);
  return (
    <div className="clock" title={t('topbar.clockLabel', { zone: zoneLabel(timeZone) })}>
      <span className="clock-date">{formatDayMonth(now, timeZone)}</span>
      <time className="clock-time" data-testid="clock" dateTime={iso(now)}>
        {formatClock(now, timeZone)}
      </time>
    </div>
  );
}
