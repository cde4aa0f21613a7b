// One inject of the director's list: its time, a countdown while it is coming, its kind and title,
// and what became of it (fired by whom and when, skipped, or why it failed).
import { useTranslation } from 'react-i18next';
import type { Inject } from '../../shared/exercise';
import { formatClock } from '../../shared/time-format';

/** "in 12 min", "in 1 h 05", or due: whole minutes of operation time, rounded up. */
function countdown(ms: number): { h: number; m: number } | null {
  if (ms <= 0) return null;
  const minutes = Math.ceil(ms / 60_000);
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}

export function InjectRow({
  inject: i,
  now,
  timeZone,
  onFire,
  onSkip,
}: {
  inject: Inject;
  now: number;
  timeZone: string;
  onFire?: () => void;
  onSkip?: () => void;
}) {
  const { t } = useTranslation();
  const left = countdown(Date.parse(i.at) - now);
  return (
    <li className={`inject-row ${i.status}`} data-testid={`inject-${i.id}`} data-status={i.status}>
      <time className="inject-at">{formatClock(Date.parse(i.at), timeZone, false)}</time>
      <span className="inject-when">
        {i.status === 'pending'
          ? left
            ? left.h
              ? t('exercise.inHours', { h: left.h, m: String(left.m).padStart(2, '0') })
              : t('exercise.inMinutes', { m: left.m })
            : t('exercise.due')
          : t(`exercise.status.${i.status}`)}
      </span>
      <span className={`inject-kind kind-${i.kind}`}>{t(`exercise.kind.${i.kind}`)}</span>
      <span className="inject-title" title={i.title}>
        {i.title}
      </span>
      {i.status === 'pending' ? (
        <span className="inject-actions">
          <button type="button" className="btn-primary" data-testid={`fire-${i.id}`} onClick={onFire}>
            {t('exercise.fire')}
          </button>
          <button type="button" className="btn-ghost" data-testid={`skip-${i.id}`} onClick={onSkip}>
            {t('exercise.skip')}
          </button>
        </span>
      ) : (
        <span className="inject-outcome">
          {i.doneAt &&
            t('exercise.doneBy', {
              at: formatClock(Date.parse(i.doneAt), timeZone, false),
              by: i.doneBy ?? '',
            })}
          {i.status === 'failed' && i.result ? ` · ${i.result}` : ''}
        </span>
      )}
    </li>
  );
}
