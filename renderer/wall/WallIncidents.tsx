// The open P1 and P2 incidents with their ages on the operation clock, and the overdue counts: how
// many incidents of the board have missed a deadline, and which of these rows. The list shows as
// many rows as fit, from the board's first page (which holds the most urgent first); the counts are
// over every incident's point.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAgeMinutes } from '../../shared/time-format';
import { overdueAt, useOverdueCount } from '../incidents/overdue';
import { placeOf } from '../incidents/place';
import { PRIORITY_COLOR } from '../map/palette';
import { useIncidentPoints, useVigie } from '../state/hooks';
import { urgentIncidents } from './wall-data';

/** Rows the panel has room for at 1080 lines of height (the rest are counted, not listed). */
export const WALL_INCIDENT_ROWS = 7;

export function WallIncidents({ now }: { now: number }) {
  const { t } = useTranslation();
  const points = useIncidentPoints();
  const rows = useVigie((s) => s.boardRows);
  const venues = useVigie((s) => s.venues);
  const urgentPoints = useMemo(() => urgentIncidents(points), [points]);
  const shown = useMemo(() => urgentIncidents(rows).slice(0, WALL_INCIDENT_ROWS), [rows]);
  // The points come just after the board's first page: until then its rows are all there is.
  const count = Math.max(urgentPoints.length, shown.length);
  const overdue = useOverdueCount(points, now);
  const lateAll = (urgentPoints.length ? urgentPoints : shown).map((i) => overdueAt(i, now));
  const notAcked = lateAll.filter((l) => l === 'acknowledge').length;
  const notOnScene = lateAll.filter((l) => l === 'on_scene').length;
  const late = shown.map((i) => overdueAt(i, now));
  const venueName = (id: string | null) => venues.find((v) => v.id === id)?.name ?? null;

  return (
    <section className="wall-panel wall-incidents" aria-labelledby="wall-incidents-title">
      <h2 id="wall-incidents-title">
        {t('wall.incidents')} <span className="wall-count">{count}</span>
      </h2>
      <p className={overdue ? 'wall-overdue wall-overdue-on' : 'wall-overdue'} data-testid="wall-overdue">
        <span data-testid="wall-overdue-count">{t('wall.overdue', { count: overdue })}</span>
        {(notAcked > 0 || notOnScene > 0) && (
          <span className="wall-overdue-kinds">
            {t('wall.overdueKinds', { ack: notAcked, scene: notOnScene })}
          </span>
        )}
      </p>
      {shown.length === 0 ? (
        <p className="wall-empty">{t('wall.noIncidents')}</p>
      ) : (
        <ol className="wall-incident-list">
          {shown.map((i, n) => (
            <li
              key={i.id}
              className={late[n] ? 'wall-incident wall-incident-late' : 'wall-incident'}
              data-testid="wall-incident"
              data-reference={i.reference}
            >
              <span className="wall-prio" style={{ color: PRIORITY_COLOR[i.priority] }}>
                P{i.priority}
              </span>
              <span className="wall-incident-title">{i.title}</span>
              <time className="wall-age" dateTime={i.createdAt} data-testid="wall-incident-age">
                {formatAgeMinutes(now - Date.parse(i.createdAt))}
              </time>
              <span className="wall-incident-meta">
                {late[n] ? (
                  <span className="wall-late">{t(`overdue.${late[n]}`)}</span>
                ) : (
                  t(`incidentStatus.${i.status}`)
                )}
                {' · '}
                {placeOf(i, venueName(i.venueId)) || i.reference}
              </span>
            </li>
          ))}
        </ol>
      )}
      {count > WALL_INCIDENT_ROWS && (
        <p className="wall-more">{t('wall.more', { count: count - WALL_INCIDENT_ROWS })}</p>
      )}
    </section>
  );
}
