// Incidents tab: the board. Filters (all applied by the server), then the matching incidents, most
// urgent first (priority, then the longest waiting), one fixed-height row each, windowed, a page
// read at a time as the officer scrolls, with how many match in all. Ages tick on the operation
// clock; overdue rows are marked in words and colour.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentRow } from '../../shared/domain';
import { formatAgeMinutes } from '../../shared/time-format';
import { useNow, useOperationClock } from '../clock/use-clock';
import { overdueAt, useOverdueCount } from '../incidents/overdue';
import { placeOf } from '../incidents/place';
import { PRIORITY_VAR } from '../map/palette';
import { endOf, isFiltered } from '../state/board';
import { useBoardFilters, useIncidentPoints, useSelection, useVigie } from '../state/hooks';
import { BoardFilters } from './BoardFilters';
import { RowList } from './RowList';
import { MarkingBadge } from '../marking/MarkingBadge';

export const BOARD_ROW_HEIGHT = 92;

export function IncidentBoard() {
  const { t, i18n } = useTranslation();
  const rows = useVigie((s) => s.boardRows);
  const total = useVigie((s) => s.boardTotal);
  const loadMore = useVigie((s) => (s.boardNext !== null ? s.loadMoreIncidents : undefined));
  // Every matching incident's point (read after the first page): the overdue count is over all.
  const incidents = useIncidentPoints();
  const filters = useBoardFilters();
  const selection = useSelection();
  const select = useVigie((s) => s.select);
  const clear = useVigie((s) => s.clearBoardFilters);
  const venues = useVigie((s) => s.venues);
  const { clock } = useOperationClock();
  const now = useNow(clock);
  const overdueCount = useOverdueCount(incidents, now);
  const venueNames = useMemo(() => new Map(venues.map((v) => [v.id, v.name])), [venues]);
  const filtered = isFiltered(filters);
  const fmt = (n: number) => n.toLocaleString(i18n.language);

  return (
    <>
      <BoardFilters />
      <div className="board-summary" aria-live="polite">
        <span data-testid="board-count" data-total={total} data-shown={rows.length}>
          {rows.length < total
            ? t('board.countPaged', { count: total, shown: fmt(rows.length), total: fmt(total) })
            : t('board.count', { count: total })}
        </span>
        {overdueCount > 0 && (
          <span className="overdue-count" data-testid="overdue-count">
            {t('board.overdueCount', { count: overdueCount })}
          </span>
        )}
        {filtered && (
          <button type="button" className="btn-link" data-testid="board-clear" onClick={clear}>
            {t('board.clear')}
          </button>
        )}
      </div>
      <RowList<IncidentRow>
        items={rows}
        setSize={total}
        {...(loadMore ? { onNearEnd: () => void loadMore() } : {})}
        rowHeight={BOARD_ROW_HEIGHT}
        getKey={(i) => i.id}
        selectedKey={selection?.kind === 'incident' ? selection.id : null}
        onSelect={(id) => select('incident', id, 'panel')}
        label={t('board.label')}
        empty={filtered ? t('board.empty') : filters.showClosed ? t('board.emptyAny') : t('board.emptyOpen')}
        rowClass={(i) => (overdueAt(i, now) ? 'overdue' : '')}
        rowAttributes={(i) => ({
          'data-testid': 'incident-row',
          'data-reference': i.reference,
          'data-status': i.status,
          'data-priority': String(i.priority),
        })}
        renderRow={(i) => (
          <BoardRow incident={i} now={now} venue={i.venueId ? (venueNames.get(i.venueId) ?? null) : null} />
        )}
      />
    </>
  );
}

function BoardRow({ incident: i, now, venue }: { incident: IncidentRow; now: number; venue: string | null }) {
  const { t } = useTranslation();
  const color = PRIORITY_VAR[i.priority];
  const late = overdueAt(i, now);
  const end = endOf(i);
  const age = (end ? Date.parse(end) : now) - Date.parse(i.createdAt);
  const units = i.assigned.map((a) => a.callsign).join(', ');
  const place = placeOf(i, venue);
  return (
    <div className="incident-row">
      <span
        className="priority-chip"
        style={{ borderColor: color, color }}
        title={t(`priority.${i.priority}`)}
      >
        P{i.priority}
      </span>
      <span className="reference">
        {i.reference}
        {i.marking !== null && <MarkingBadge marking={i.marking} />}
      </span>
      <span className={`incident-status status-${i.status}`}>{t(`incidentStatus.${i.status}`)}</span>
      <time
        className={end ? 'age age-stopped' : late ? 'age age-late' : 'age'}
        dateTime={i.createdAt}
        title={t('board.ageHint')}
        data-testid="incident-age"
      >
        {formatAgeMinutes(age)}
      </time>
      <span className="title">{i.title}</span>
      <span className="line3">
        <span className="where">
          {late && (
            <span className="overdue-badge" data-testid="overdue-badge">
              {t(`overdue.${late}`)}
            </span>
          )}
          {t(`incidentCategory.${i.category}`)}
          {place && <> · {place}</>}
        </span>
        <span className={i.assigned.length ? 'units' : 'units units-none'} title={units}>
          {i.assigned.length ? units : t('board.noUnit')}
        </span>
      </span>
    </div>
  );
}
