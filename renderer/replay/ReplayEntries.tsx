// The journal entries of the replayed minute, newest first, beside the map: what happened then.
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../shared/time-format';
import { summarize } from '../journal/summary';
import { useReplay } from './replay-store';
import { useSession } from '../state/hooks';

export function ReplayEntries() {
  const { t } = useTranslation();
  const zone = useSession()?.operation?.timezone ?? 'UTC';
  const entries = useReplay((s) => s.picture?.entries);
  return (
    <aside className="replay-entries" data-testid="replay-entries" aria-label={t('replay.minute')}>
      <h2>{t('replay.minute')}</h2>
      {entries === null ? (
        <p className="muted">{t('replay.noJournal')}</p>
      ) : !entries?.length ? (
        <p className="muted">{t('replay.quietMinute')}</p>
      ) : (
        <ol>
          {entries.map((e) => (
            <li key={e.seq} data-testid="replay-entry">
              <div className="replay-entry-head">
                <span className="mono">{formatClock(Date.parse(e.at), zone)}</span>
                <strong>{e.action}</strong>
                <span className="muted">
                  {e.desk} · {e.operator}
                </span>
              </div>
              <div className="replay-entry-data">{summarize(e.data)}</div>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
