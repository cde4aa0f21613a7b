// Rings for each alert as it comes up: its sound and a desktop notification. A P1 still up rings
// again every 30 seconds until this desk acknowledges it; other alerts ring once.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../shared/alerts';
import { notificationPermission, notify } from './notify';
import { useAlertPrefs } from './prefs';
import { playTone } from './sound';
import { alertBody, alertTitle } from './alert-text';

export const P1_REPEAT_MS = 30_000;

export function useAlertRinger(alerts: readonly Alert[], open: (a: Alert) => void): void {
  const { t } = useTranslation();
  const rung = useRef(new Map<string, number>());
  useEffect(() => {
    const now = Date.now();
    const prefs = useAlertPrefs.getState();
    // Alerts come most urgent first: one sound per pass, for the most urgent that is due.
    let sounded = false;
    // The texts only where a notification can show (a busy day raises thousands of P1 alerts at once).
    const desktop = prefs.desktop && notificationPermission() === 'granted';
    for (const a of alerts) {
      const last = rung.current.get(a.key);
      const fresh = last === undefined;
      const again = a.tone === 'p1' && last !== undefined && now - last >= P1_REPEAT_MS;
      if (!fresh && !again) continue;
      rung.current.set(a.key, now);
      if (!sounded) {
        sounded = true;
        void playTone(a.tone, a.key, prefs);
      }
      if (fresh && desktop) notify(a, alertTitle(t, a), alertBody(t, a), () => open(a));
    }
    // Forget alerts that went down, so that one raised again (a new answer) rings again.
    const up = new Set(alerts.map((a) => a.key));
    for (const key of rung.current.keys()) if (!up.has(key)) rung.current.delete(key);
  }, [alerts, open, t]);
}
