// Another desk changed the incident first. Shows what changed (as this desk had it → as it is now)
// and lets the officer reload, or run the refused change again on the fresh row. Never overwrites
// on its own.
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../shared/domain';
import { useVenueName } from '../state/hooks';
import type { IncidentConflict } from '../state/types';
import { coord } from './place';

type Field = 'status' | 'priority' | 'category' | 'title' | 'description' | 'source' | 'reporter' | 'place';
const FIELDS: readonly Field[] = [
  'status',
  'priority',
  'category',
  'title',
  'description',
  'source',
  'reporter',
  'place',
];

export function ConflictBanner(props: {
  conflict: IncidentConflict;
  onReload: () => void;
  reloadLabel?: string;
  /** Absent when the refused change no longer makes sense on the fresh row. */
  onRetry?: (() => void) | undefined;
  retryLabel?: string;
}) {
  const { conflict, onReload, onRetry } = props;
  const { t } = useTranslation();
  const { yours, current } = conflict;
  const venueYours = useVenueName(yours.venueId);
  const venueNow = useVenueName(current.venueId);

  const show = (i: Incident, venue: string | null, f: Field): string => {
    switch (f) {
      case 'status':
        return t(`incidentStatus.${i.status}`);
      case 'priority':
        return `P${i.priority}`;
      case 'category':
        return t(`incidentCategory.${i.category}`);
      case 'source':
        return t(`incidentSource.${i.source}`);
      case 'reporter':
        return i.reporter ?? '—';
      case 'title':
        return i.title;
      case 'description':
        return i.description || '—';
      case 'place':
        return (
          [
            i.locationText,
            venue,
            i.sector,
            i.lat !== null && i.lon !== null ? `${coord(i.lat)}, ${coord(i.lon)}` : null,
          ]
            .filter(Boolean)
            .join(' · ') || '—'
        );
    }
  };

  const changes = FIELDS.map((f) => ({
    f,
    was: show(yours, venueYours, f),
    now: show(current, venueNow, f),
  })).filter((c) => c.was !== c.now);

  return (
    <div className="conflict" role="alert" data-testid="conflict">
      <p className="conflict-title">{t('conflict.title', { reference: current.reference })}</p>
      {changes.length > 0 ? (
        <table className="conflict-changes">
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.yours')}</th>
              <th scope="col">{t('conflict.now')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.f} data-field={c.f}>
                <th scope="row">{t(`conflict.fields.${c.f}`)}</th>
                <td className="was">{c.was}</td>
                <td className="now">{c.now}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="conflict-message">{conflict.message}</p>
      )}
      <div className="conflict-actions">
        <button type="button" className="btn-primary" data-testid="conflict-reload" onClick={onReload}>
          {props.reloadLabel ?? t('conflict.reload')}
        </button>
        {onRetry && (
          <button type="button" className="btn-ghost" data-testid="conflict-retry" onClick={onRetry}>
            {props.retryLabel ?? t('conflict.retry')}
          </button>
        )}
      </div>
    </div>
  );
}
