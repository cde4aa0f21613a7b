// The available units nearest an incident, in its pane. One click assigns (the incident must be
// the one open in the incident pane); a unit already working another incident asks to confirm.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../shared/domain';
import { useCan, useVigie } from '../state/hooks';
import { NearestList } from './NearestList';
import { useOperationClock } from '../clock/use-clock';
import { formatClock } from '../../shared/time-format';

export function NearestUnits({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const assign = useVigie((s) => s.assignUnit);
  const canAssign = useCan('assignUnit');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{
    unitId: string;
    callsign: string;
    reference: string | null;
    /** A dog team past its rest (then the question is about its rest, not a reassignment). */
    restDue?: string;
  } | null>(null);
  const { timeZone } = useOperationClock();

  const doAssign = async (unitId: string, callsign: string, confirmed: boolean, rest = false) => {
    setBusy(unitId);
    const r = await assign(unitId, confirmed, rest);
    setBusy(null);
    if (!r.ok && r.needsConfirmation) setConfirm({ unitId, callsign, reference: r.reference });
    else if (!r.ok && r.restDue !== null)
      setConfirm({ unitId, callsign, reference: null, restDue: r.restDue });
    else setConfirm(null);
  };

  // Only for assigning: a role that may not assign does not get the list.
  if (!canAssign) return null;
  if (!open)
    return (
      <button type="button" className="btn-ghost" data-testid="nearest-open" onClick={() => setOpen(true)}>
        {t('nearest.open')}
      </button>
    );

  return (
    <section className="pane-section nearest" data-testid="nearest-units" aria-labelledby="nearest-title">
      <h3 id="nearest-title">
        {t('nearest.title')}
        <button
          type="button"
          className="btn-icon"
          aria-label={t('panel.close')}
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </h3>
      {confirm && (
        <div className="nearest-confirm" role="alert" data-testid="nearest-confirm">
          <span>
            {confirm.restDue !== undefined
              ? t('k9rest.question', {
                  callsign: confirm.callsign,
                  time: formatClock(Date.parse(confirm.restDue), timeZone, false),
                })
              : t('nearest.confirm', { callsign: confirm.callsign, reference: confirm.reference ?? '—' })}
          </span>
          <button
            type="button"
            className="btn-primary btn-small"
            data-testid="nearest-confirm-yes"
            onClick={() =>
              void doAssign(confirm.unitId, confirm.callsign, true, confirm.restDue !== undefined)
            }
          >
            {confirm.restDue !== undefined ? t('k9rest.assignAnyway') : t('nearest.reassign')}
          </button>
          <button type="button" className="btn-ghost btn-small" onClick={() => setConfirm(null)}>
            {t('nearest.cancel')}
          </button>
        </div>
      )}
      <NearestList
        place={{ incidentId: incident.id, version: incident.version }}
        action={(r) => (
          <button
            type="button"
            className="btn-primary btn-small"
            data-testid="nearest-assign"
            disabled={busy !== null}
            onClick={() => void doAssign(r.unit.id, r.unit.callsign, false)}
          >
            {t('nearest.assign')}
          </button>
        )}
      />
    </section>
  );
}
