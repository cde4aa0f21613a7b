// The incident in the pane: reference, priority, status and live age; the lifecycle buttons; any
// conflict with another desk; what, where and who reported it; the units on it; notes; and the
// timeline of every journal entry about it.
import { useTranslation } from 'react-i18next';
import type { Incident, IncidentDetail as Detail } from '../../shared/domain';
import { allowedActions } from '../../shared/incident-lifecycle';
import { formatAgeMinutes } from '../../shared/time-format';
import { useNow, useOperationClock } from '../clock/use-clock';
import { PRIORITY_VAR } from '../map/palette';
import { Field, TimeWithAge } from '../panels/Fields';
import { endOf } from '../state/board';
import { useCan, useVenueName, useVigie } from '../state/hooks';
import { ConflictBanner } from './ConflictBanner';
import { LifecycleActions } from './LifecycleActions';
import { Notes } from './Notes';
import { overdueAt } from './overdue';
import { coord, placeOf } from './place';
import { Timeline } from './Timeline';
import { Units } from './Units';
import { NearestUnits } from '../units/NearestUnits';
import { MarkingBadge } from '../marking/MarkingBadge';

export function IncidentDetail({ incident, detail }: { incident: Incident; detail: Detail | null }) {
  const { t } = useTranslation();
  const close = useVigie((s) => s.closePane);
  const openEdit = useVigie((s) => s.openEdit);
  const canEdit = useCan('updateIncident');
  const canRequest = useCan('sendRequest');
  const composeRequest = useVigie((s) => s.composeRequest);
  const conflict = useVigie((s) => s.conflict);
  const reload = useVigie((s) => s.reloadAfterConflict);
  const retry = useVigie((s) => s.retryAfterConflict);
  const detailError = useVigie((s) => s.detailError);
  const venue = useVenueName(incident.venueId);
  const { clock } = useOperationClock();
  const now = useNow(clock);
  const color = PRIORITY_VAR[incident.priority];
  const late = overdueAt(incident, now);
  const end = endOf(incident);
  const age = (end ? Date.parse(end) : now) - Date.parse(incident.createdAt);
  const place = placeOf(incident, venue);

  // A refused lifecycle step may be tried again if the fresh row still allows it.
  const pending = conflict?.pending;
  const canRetry =
    conflict &&
    pending?.kind === 'transition' &&
    allowedActions(conflict.current.status).includes(pending.action);

  return (
    <section
      className="incident-detail"
      data-testid="incident-detail"
      data-reference={incident.reference}
      data-status={incident.status}
      aria-label={t('incident.detailTitle', { reference: incident.reference })}
    >
      <header className="pane-head">
        <span
          className="priority-chip big"
          style={{ borderColor: color, color }}
          title={t(`priority.${incident.priority}`)}
        >
          P{incident.priority}
        </span>
        <h2 className="pane-title" data-testid="detail-reference">
          {incident.reference}
        </h2>
        <MarkingBadge marking={incident.marking} />
        <span className={`incident-status big status-${incident.status}`} data-testid="detail-status">
          {t(`incidentStatus.${incident.status}`)}
        </span>
        <time
          className={late ? 'age big age-late' : end ? 'age big age-stopped' : 'age big'}
          title={t('board.ageHint')}
        >
          {formatAgeMinutes(age)}
        </time>
        <button type="button" className="btn-icon" aria-label={t('panel.close')} onClick={close}>
          ×
        </button>
      </header>
      <p className="detail-lead">{incident.title}</p>
      {late && (
        <p className="overdue-line" role="status">
          {t(`overdue.${late}Long`)}
        </p>
      )}

      {conflict && (
        <ConflictBanner
          conflict={conflict}
          onReload={reload}
          onRetry={canRetry && pending ? () => void retry() : undefined}
          retryLabel={
            pending?.kind === 'transition'
              ? t('conflict.retryAction', { action: t(`lifecycle.${pending.action}`) })
              : undefined
          }
        />
      )}

      <div className="detail-actions">
        <LifecycleActions key={incident.id} incident={incident} />
        {canEdit && (
          <button type="button" className="btn-ghost" data-testid="edit-incident" onClick={openEdit}>
            {t('detail.edit')}
          </button>
        )}
        {canRequest && (
          <button
            type="button"
            className="btn-ghost"
            data-testid="request-about-incident"
            onClick={() => composeRequest(incident.id)}
          >
            {t('requests.about')}
          </button>
        )}
      </div>

      <dl className="fields">
        <Field label={t('incident.category')}>{t(`incidentCategory.${incident.category}`)}</Field>
        <Field label={t('incident.source')}>{t(`incidentSource.${incident.source}`)}</Field>
        <Field label={t('incident.location')} wide>
          <span data-testid="detail-place">{place || '—'}</span>
          {incident.lat !== null &&
            incident.lon !== null &&
            place !== `${coord(incident.lat)}, ${coord(incident.lon)}` && (
              <span className="mono coords">
                {' '}
                ({coord(incident.lat)}, {coord(incident.lon)})
              </span>
            )}
        </Field>
        {incident.reporter && (
          <Field label={t('incident.reporter')} wide>
            {incident.reporter}
          </Field>
        )}
        <Field label={t('incident.createdAt')}>
          <TimeWithAge at={incident.createdAt} />
        </Field>
        <Field label={t('incident.updatedAt')}>
          <TimeWithAge at={incident.updatedAt} />
        </Field>
        {incident.description && (
          <Field label={t('incident.description')} wide>
            <span className="description">{incident.description}</span>
          </Field>
        )}
      </dl>

      {detailError && !detail && (
        <p className="form-error">{t('detail.loadFailed', { message: detailError })}</p>
      )}
      {detail && (
        <>
          <Units incident={incident} assignments={detail.assignments} />
          {incident.status !== 'closed' && incident.status !== 'cancelled' && (
            <NearestUnits incident={incident} />
          )}
          <Notes notes={detail.notes} />
          <Timeline entries={detail.timeline} />
        </>
      )}
    </section>
  );
}
