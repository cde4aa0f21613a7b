// Incidents tab: filtered list, most urgent first (priority, then newest), one row per incident.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../shared/domain';
import { formatClock } from '../../shared/time-format';
import { useOperationClock } from '../clock/use-clock';
import { PRIORITY_COLOR } from '../map/palette';
import { useIncidents, useSelection, useVigie } from '../state/hooks';
import { matcher } from './filter';
import { RowList } from './RowList';

const byUrgency = (a: Incident, b: Incident) =>
  a.priority - b.priority || b.createdAt.localeCompare(a.createdAt);

export function IncidentList() {
  const { t } = useTranslation();
  const incidents = useIncidents();
  const query = useVigie((s) => s.filters.incidents);
  const selection = useSelection();
  const select = useVigie((s) => s.select);
  const { timeZone } = useOperationClock();

  const shown = useMemo(() => {
    const match = matcher(query);
    return incidents
      .filter((i) =>
        match(
          [
            i.reference,
            i.title,
            i.category,
            t(`incidentCategory.${i.category}`),
            i.status,
            t(`incidentStatus.${i.status}`),
            `p${i.priority}`,
            i.locationText ?? '',
            i.sector ?? '',
          ].join(' '),
        ),
      )
      .sort(byUrgency);
  }, [incidents, query, t]);

  return (
    <>
      <p className="list-count" aria-live="polite">
        {t('panel.count', { shown: shown.length, total: incidents.length })}
      </p>
      <RowList<Incident>
        items={shown}
        getKey={(i) => i.id}
        selectedKey={selection?.kind === 'incident' ? selection.id : null}
        onSelect={(id) => select('incident', id, 'panel')}
        label={t('tabs.incidents')}
        empty={t('panel.noIncidents')}
        rowAttributes={(i) => ({ 'data-testid': 'incident-row', 'data-reference': i.reference })}
        renderRow={(i) => (
          <div className="incident-row">
            <span
              className="priority-chip"
              style={{ borderColor: PRIORITY_COLOR[i.priority], color: PRIORITY_COLOR[i.priority] }}
              title={t(`priority.${i.priority}`)}
            >
              P{i.priority}
            </span>
            <span className="reference">{i.reference}</span>
            <time className="opened" dateTime={i.createdAt}>
              {formatClock(Date.parse(i.createdAt), timeZone, false)}
            </time>
            <span className="title">{i.title}</span>
            <span className="category">{t(`incidentCategory.${i.category}`)}</span>
            <span className="incident-status">{t(`incidentStatus.${i.status}`)}</span>
          </div>
        )}
      />
    </>
  );
}
