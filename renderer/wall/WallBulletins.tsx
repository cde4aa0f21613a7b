// The latest bulletins' titles, newest first (at most five): the wall reads only those releasable
// to all partners. Acknowledging is for the desks; the wall only shows.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../shared/time-format';
import { useVigie } from '../state/hooks';
import { latestBulletins } from './wall-data';

export function WallBulletins({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const all = useVigie((s) => s.bulletins);
  const bulletins = useMemo(() => latestBulletins(all), [all]);
  return (
    <section className="wall-panel wall-bulletins" aria-labelledby="wall-bulletins-title">
      <h2 id="wall-bulletins-title">{t('wall.bulletins')}</h2>
      {bulletins.length === 0 ? (
        <p className="wall-empty">{t('wall.noBulletins')}</p>
      ) : (
        <ol className="wall-bulletin-list">
          {bulletins.map((b) => (
            <li key={b.id} className={`wall-bulletin wall-sev-${b.severity}`} data-testid="wall-bulletin">
              <time dateTime={b.publishedAt}>{formatClock(Date.parse(b.publishedAt), timeZone, false)}</time>
              <span className="wall-bulletin-title">{b.title}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
