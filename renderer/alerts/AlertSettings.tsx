// The desk's alert settings, from the top bar: volume, mute (never for a P1), desktop notifications
// (asking the platform's permission from the click), and a test sound.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlertPrefs } from './prefs';
import { askNotifications, notificationPermission } from './notify';
import { playTone } from './sound';

export function AlertSettings() {
  const { t } = useTranslation();
  const prefs = useAlertPrefs();
  const [open, setOpen] = useState(false);
  const [permission, setPermission] = useState(notificationPermission);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const toggleDesktop = async (on: boolean) => {
    prefs.set({ desktop: on });
    if (on) setPermission(await askNotifications());
  };

  return (
    <div className="alert-settings" ref={box}>
      <button
        type="button"
        className={`btn-ghost alert-settings-button${prefs.muted ? ' muted' : ''}`}
        data-testid="alert-settings"
        aria-expanded={open}
        aria-label={t('alerts.settings.button')}
        title={t('alerts.settings.title')}
        onClick={() => setOpen(!open)}
      >
        <BellIcon muted={prefs.muted} />
      </button>
      {open && (
        <div className="alert-settings-panel" role="dialog" aria-label={t('alerts.settings.title')}>
          <strong>{t('alerts.settings.title')}</strong>
          <label>
            {t('alerts.settings.volume')}
            <input
              type="range"
              min={0}
              max={100}
              step={5}
              data-testid="alert-volume"
              value={Math.round(prefs.volume * 100)}
              onChange={(e) => prefs.set({ volume: Number(e.target.value) / 100 })}
            />
          </label>
          <label>
            <input
              type="checkbox"
              data-testid="alert-mute"
              checked={prefs.muted}
              onChange={(e) => prefs.set({ muted: e.target.checked })}
            />
            {t('alerts.settings.mute')}
          </label>
          <label>
            <input
              type="checkbox"
              data-testid="alert-desktop"
              checked={prefs.desktop}
              disabled={permission === 'unavailable'}
              onChange={(e) => void toggleDesktop(e.target.checked)}
            />
            {t('alerts.settings.desktop')}
          </label>
          {permission === 'denied' && <p className="alert-settings-note">{t('alerts.settings.denied')}</p>}
          {permission === 'unavailable' && (
            <p className="alert-settings-note">{t('alerts.settings.unavailable')}</p>
          )}
          {permission === 'default' && prefs.desktop && (
            <button type="button" className="btn-secondary" onClick={() => void toggleDesktop(true)}>
              {t('alerts.settings.allow')}
            </button>
          )}
          <button
            type="button"
            className="btn-secondary"
            data-testid="alert-test-sound"
            onClick={() => void playTone('notice', 'test', useAlertPrefs.getState())}
          >
            {t('alerts.settings.test')}
          </button>
        </div>
      )}
    </div>
  );
}

/** A bell (struck through when muted), drawn: the console ships no emoji font. */
function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path
        d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      {muted && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />}
    </svg>
  );
}
