// The wall's top line: the operation's name, EXERCISE in an exercise, the national alert level
// (getAlertLevel, read with the rest of the room's awareness) and the operation clock.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { iso } from '../../shared/clock';
import { formatClock, formatDayMonth } from '../../shared/time-format';
import { useSession, useVigie } from '../state/hooks';
import { levelStep } from './wall-data';
import { OperationBrand } from '../topbar/OperationBrand';

export function WallHeader({ now, timeZone }: { now: number; timeZone: string }) {
  const { t } = useTranslation();
  const op = useSession()?.operation;
  const level = useVigie((s) => s.alertLevel);

  useEffect(() => {
    document.title = op ? `${t('wall.title')} · ${op.name}` : t('wall.title');
  }, [op, t]);

  const step = level ? levelStep(level) : 0;
  return (
    <header className="wall-head">
      <OperationBrand className="wall-brand" />
      <div
        className={`wall-level wall-level-${step >= 1 ? 'high' : step > 0 ? 'raised' : 'base'}`}
        data-testid="wall-alert-level"
        data-level={level?.level ?? ''}
      >
        <span className="wall-level-label">{t('wall.alertLevel')}</span>
        <span className="wall-level-name">
          {level ? t(`wall.levels.${level.scale}.${level.level}`, { defaultValue: level.level }) : '—'}
        </span>
      </div>
      <div className="wall-clock">
        <span className="wall-date">{formatDayMonth(now, timeZone)}</span>
        <time className="wall-time" data-testid="clock" dateTime={iso(now)}>
          {formatClock(now, timeZone)}
        </time>
      </div>
    </header>
  );
}
