// The alerts up on this desk, under the top bar: each stays until this desk acknowledges it. The
// most urgent come first; beyond three, a count. Rings each as it arrives (use-alert-ringer.ts).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../shared/alerts';
import { formatAgeMinutes } from '../../shared/time-format';
import { useNow, useOperationClock } from '../clock/use-clock';
import { useStoreApi } from '../state/hooks';
import { alertBody, alertTitle } from './alert-text';
import { useAlertPrefs } from './prefs';
import { onSound, playTone } from './sound';
import { useAlertRinger } from './use-alert-ringer';
import { useDeskAlerts } from './use-desk-alerts';

// Three lines at most: the map keeps its room; the rest is counted.
const SHOWN = 3;

export function AlertBanners() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const alerts = useDeskAlerts();
  const { clock } = useOperationClock();
  const now = useNow(clock);
  const [busy, setBusy] = useState<string | null>(null);
  const blocked = useSoundBlocked();

  const open = useCallback(
    (a: Alert) => {
      const s = store.getState();
      if (a.incidentId) s.openIncident(a.incidentId);
      // The request and bulletin lists are side panel tabs.
      else if (a.requestId) s.setTab('requests');
      else if (a.bulletinId) s.setTab('bulletins');
    },
    [store],
  );
  useAlertRinger(alerts, open);

  const take = async (a: Alert) => {
    setBusy(a.key);
    await store.getState().takeAlert(a);
    setBusy(null);
  };

  if (!alerts.length && !blocked) return null;
  return (
    <section className="alert-banners" aria-label={t('alerts.region')} data-testid="alert-banners">
      {blocked && (
        <div className="alert-banner tone-info" data-testid="sound-blocked">
          <span className="alert-text">{t('alerts.soundBlocked')}</span>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => void playTone('info', 'enable-sound', useAlertPrefs.getState())}
          >
            {t('alerts.enableSound')}
          </button>
        </div>
      )}
      {alerts.slice(0, SHOWN).map((a) => (
        <div
          key={a.key}
          role="alert"
          className={`alert-banner tone-${a.tone} kind-${a.kind}`}
          data-testid="alert-banner"
          data-key={a.key}
          data-kind={a.kind}
        >
          <strong className="alert-title">{alertTitle(t, a)}</strong>
          <span className="alert-text">{alertBody(t, a)}</span>
          <span className="alert-age">
            {t('alerts.age', { age: formatAgeMinutes(now - Date.parse(a.at)) })}
          </span>
          {(a.incidentId || a.requestId || a.bulletinId) && (
            <button type="button" className="btn-secondary" onClick={() => open(a)}>
              {t('alerts.open')}
            </button>
          )}
          <button
            type="button"
            className="btn-primary"
            data-testid="alert-ack"
            disabled={busy === a.key}
            onClick={() => void take(a)}
          >
            {t('alerts.acknowledge')}
          </button>
        </div>
      ))}
      {alerts.length > SHOWN && (
        <div className="alert-more" data-testid="alert-more">
          {t('alerts.more', { count: alerts.length - SHOWN })}
        </div>
      )}
    </section>
  );
}

/** True after a sound the browser refused to play, until one plays. */
function useSoundBlocked(): boolean {
  const [blocked, setBlocked] = useState(false);
  useEffect(() => onSound((e) => setBlocked(e.result === 'blocked')), []);
  return blocked;
}
