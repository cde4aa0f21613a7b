// Desktop notifications: the browser's Notification API, which Electron shows as the platform's own
// notifications. Silent (the console plays its own sound); a P1 stays until dismissed. Nothing is
// shown where the platform or the officer has not allowed it.
import type { Alert } from '../../shared/alerts';

export const notificationsAvailable = (): boolean => typeof Notification !== 'undefined';

export function notificationPermission(): NotificationPermission | 'unavailable' {
  return notificationsAvailable() ? Notification.permission : 'unavailable';
}

/** Asks once, from a click (browsers ignore a request made without one). */
export async function askNotifications(): Promise<NotificationPermission | 'unavailable'> {
  if (!notificationsAvailable()) return 'unavailable';
  if (Notification.permission !== 'default') return Notification.permission;
  return Notification.requestPermission();
}

export function notify(alert: Alert, title: string, body: string, onClick: () => void): void {
  if (!notificationsAvailable() || Notification.permission !== 'granted') return;
  const n = new Notification(title, {
    body,
    tag: alert.key,
    requireInteraction: alert.tone === 'p1',
    silent: true,
  });
  n.onclick = () => {
    window.focus();
    onClick();
    n.close();
  };
}
