// One page of journal entries: seq, operation time, operator, role, desk, action, entity and a
// line of what the entry holds (its full data as JSON on hover and when the row is opened).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../shared/domain';
import { isRole } from '../../shared/roles';
import { formatClock, formatDayMonth } from '../../shared/time-format';
import { summarize } from './summary';

export function JournalTable({
  entries,
  timeZone,
  onEntity,
}: {
  entries: JournalEntry[];
  timeZone: string;
  /** Narrows the viewer to one entity (a click on its id). */
  onEntity: (entityType: string, entityId: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const role = (r: string | null) =>
    r === null ? '—' : isRole(r) || r === 'system' ? t(`journalViewer.roles.${r}`) : r;
  const when = (at: string) => {
    const ms = Date.parse(at);
    return `${formatDayMonth(ms, timeZone)} ${formatClock(ms, timeZone)}`;
  };

  return (
    <table className="jv-table" data-testid="journal-table">
      <thead>
        <tr>
          <th className="num">{t('journalViewer.col.seq')}</th>
          <th>{t('journalViewer.col.at')}</th>
          <th>{t('journalViewer.col.operator')}</th>
          <th>{t('journalViewer.col.role')}</th>
          <th>{t('journalViewer.col.desk')}</th>
          <th>{t('journalViewer.col.action')}</th>
          <th>{t('journalViewer.col.entity')}</th>
          <th>{t('journalViewer.col.data')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const summary = summarize(e.data, e.entityId);
          const expanded = open === e.seq;
          return (
            <tr key={e.seq} data-testid="journal-row" data-seq={e.seq} data-action={e.action}>
              <td className="num">{e.seq}</td>
              <td className="jv-at" title={e.at}>
                {when(e.at)}
              </td>
              <td>{e.operator}</td>
              <td>{role(e.role)}</td>
              <td>{e.desk}</td>
              <td className="jv-code">{e.action}</td>
              <td className="jv-entity">
                <span className="jv-code">{e.entityType}</span>
                {e.entityId && (
                  <button
                    type="button"
                    className="link jv-code"
                    title={t('journalViewer.entityHint')}
                    onClick={() => onEntity(e.entityType, e.entityId ?? '')}
                  >
                    {e.entityId}
                  </button>
                )}
              </td>
              <td className="jv-data">
                <button
                  type="button"
                  className="jv-summary"
                  aria-expanded={expanded}
                  title={t('journalViewer.dataHint')}
                  onClick={() => setOpen(expanded ? null : e.seq)}
                >
                  {summary || '—'}
                </button>
                {expanded && <pre className="jv-json">{JSON.stringify(e.data, null, 2)}</pre>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
