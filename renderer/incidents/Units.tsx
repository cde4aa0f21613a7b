// Units on an incident: who works it now (with Release), who did before, and the picker to assign
// more (./AssignPicker.tsx: by need, then availability and travel time).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView, Incident } from '../../shared/domain';
import { isOpen } from '../../shared/incident-lifecycle';
import { formatClock } from '../../shared/time-format';
import { useOperationClock } from '../clock/use-clock';
import { UNIT_STATUS_VAR } from '../map/palette';
import { useCan, useVigie } from '../state/hooks';
import { AssignPicker } from './AssignPicker';
import { ShortcutHint } from '../common/ShortcutHint';

export function Units({
  incident,
  assignments,
}: {
  incident: Incident;
  assignments: readonly AssignmentView[];
}) {
  const { t } = useTranslation();
  const { timeZone } = useOperationClock();
  const release = useVigie((s) => s.releaseUnit);
  const canAssign = useCan('assignUnit');
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const active = assignments.filter((a) => !a.releasedAt);
  const past = assignments.filter((a) => a.releasedAt);
  const open = isOpen(incident.status);

  const doRelease = async (unitId: string) => {
    setBusy(unitId);
    await release(unitId);
    setBusy(null);
  };

  return (
    <section className="pane-section" aria-labelledby="units-title">
      <h3 id="units-title">
        {t('assign.title')} <span className="count">{active.length}</span>
      </h3>
      {active.length === 0 && !picking && <p className="hint">{t('assign.none')}</p>}
      {active.length > 0 && (
        <ul className="assigned" data-testid="assigned-units">
          {active.map((a) => (
            <li
              key={a.id}
              className="assigned-unit"
              data-testid="assigned-unit"
              data-callsign={a.callsign}
              data-status={a.unitStatus}
            >
              <span className="status-bar" style={{ background: UNIT_STATUS_VAR[a.unitStatus] }} />
              <span className="callsign">{a.callsign}</span>
              <span className="country">{a.country}</span>
              <span className="kind">{t(`unitKind.${a.kind}`)}</span>
              <span className="status-pill" style={{ color: UNIT_STATUS_VAR[a.unitStatus] }}>
                {t(`unitStatus.${a.unitStatus}`)}
              </span>
              {canAssign && (
                <button
                  type="button"
                  className="btn-ghost btn-small"
                  data-testid="release-unit"
                  disabled={busy === a.unitId}
                  onClick={() => void doRelease(a.unitId)}
                >
                  {t('assign.release')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open &&
        canAssign &&
        (picking ? (
          <AssignPicker incident={incident} onClose={() => setPicking(false)} />
        ) : (
          <button
            type="button"
            className="btn-primary"
            data-testid="assign-open"
            onClick={() => setPicking(true)}
          >
            {t('assign.open')} <ShortcutHint keys={['U']} />
          </button>
        ))}
      {past.length > 0 && (
        <details className="past-units">
          <summary>{t('assign.past', { count: past.length })}</summary>
          <ul>
            {past.map((a) => (
              <li key={a.id}>
                <span className="callsign">{a.callsign}</span> {a.country} ·{' '}
                {formatClock(Date.parse(a.assignedAt), timeZone, false)}–
                {a.releasedAt ? formatClock(Date.parse(a.releasedAt), timeZone, false) : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
