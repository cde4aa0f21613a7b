// Every journal entry about the incident, oldest first: operation time (the operation's zone), what happened in
// plain words, who and from which desk.
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../shared/domain';
import { formatClock } from '../../shared/time-format';
import { useOperationClock } from '../clock/use-clock';
import { describeEntry } from './timeline-text';

export function Timeline({ entries }: { entries: readonly JournalEntry[] }) {
  const { t } = useTranslation();
  const { timeZone } = useOperationClock();
  return (
    <section className="pane-section" aria-labelledby="timeline-title">
      <h3 id="timeline-title">
        {t('timeline.title')} <span className="count">{entries.length}</span>
      </h3>
      <ol className="timeline" data-testid="timeline">
        {entries.map((e) => {
          const text = describeEntry(e, t);
          return (
            <li key={e.seq} className="timeline-entry" data-testid="timeline-entry" data-action={e.action}>
              <time className="timeline-time" dateTime={e.at}>
                {formatClock(Date.parse(e.at), timeZone)}
              </time>
              <div className="timeline-body">
                <p className="timeline-what">{text.what}</p>
                {text.detail && <p className="timeline-detail">{text.detail}</p>}
                <p className="timeline-who">
                  {e.operator} · {t('topbar.desk', { desk: e.desk })}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
