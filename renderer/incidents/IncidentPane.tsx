// The incident pane, between the map and the side panel: the open incident, or the form that
// creates or edits one. Only shown when there is something in it.
import { useTranslation } from 'react-i18next';
import { useVigie, usePane, usePaneIncident } from '../state/hooks';
import { IncidentDetail } from './IncidentDetail';
import { IncidentForm } from './IncidentForm';

export function IncidentPane() {
  const { t } = useTranslation();
  const pane = usePane();
  const incident = usePaneIncident();
  const detail = useVigie((s) => s.detail);
  if (!pane) return null;
  return (
    <aside className="incident-pane" data-testid="incident-pane">
      {pane.kind === 'create' && <IncidentForm key="create" editing={null} />}
      {pane.kind === 'edit' && incident && <IncidentForm key={`edit:${pane.id}`} editing={incident} />}
      {pane.kind === 'incident' && incident && (
        <IncidentDetail incident={incident} detail={detail?.incident.id === incident.id ? detail : null} />
      )}
      {pane.kind !== 'create' && !incident && <p className="hint pane-loading">{t('detail.loading')}</p>}
    </aside>
  );
}
