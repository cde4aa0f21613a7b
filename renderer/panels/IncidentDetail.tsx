// Detail card of the selected incident (read-only for now).
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../shared/domain';
import { PRIORITY_COLOR } from '../map/palette';
import { useVenueName, useVigie } from '../state/hooks';
import { Field, TimeWithAge } from './Fields';

export function IncidentDetail({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const clear = useVigie((s) => s.clearSelection);
  const venue = useVenueName(incident.venueId);
  const color = PRIORITY_COLOR[incident.priority];
  const place = [...new Set([incident.locationText, venue, incident.sector].filter(Boolean))].join(' · ');
  return (
    <section
      className="detail"
      data-testid="incident-detail"
      aria-label={t('incident.detailTitle', { reference: incident.reference })}
    >
      <header className="detail-head">
        <span className="priority-chip big" style={{ borderColor: color, color }}>
          P{incident.priority}
        </span>
        <h2 className="detail-title">{incident.reference}</h2>
        <span className="detail-sub">{t(`incidentStatus.${incident.status}`)}</span>
        <button type="button" className="btn-icon" aria-label={t('panel.close')} onClick={clear}>
          ×
        </button>
      </header>
      <p className="detail-lead">{incident.title}</p>
      <dl className="fields">
        <Field label={t('incident.category')}>{t(`incidentCategory.${incident.category}`)}</Field>
        <Field label={t('incident.priority')}>{t(`priority.${incident.priority}`)}</Field>
        <Field label={t('incident.status')}>{t(`incidentStatus.${incident.status}`)}</Field>
        <Field label={t('incident.source')}>{t(`incidentSource.${incident.source}`)}</Field>
        {incident.reporter && <Field label={t('incident.reporter')}>{incident.reporter}</Field>}
        {place && (
          <Field label={t('incident.location')} wide>
            {place}
          </Field>
        )}
        <Field label={t('incident.createdAt')} wide>
          <TimeWithAge at={incident.createdAt} />
        </Field>
        <Field label={t('incident.updatedAt')} wide>
          <TimeWithAge at={incident.updatedAt} />
        </Field>
        {incident.description && (
          <Field label={t('incident.description')} wide>
            {incident.description}
          </Field>
        )}
      </dl>
    </section>
  );
}
