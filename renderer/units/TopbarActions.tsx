// Top bar buttons: Units board, Contacts (an icon: the bar is full in French), Handover, Settings,
// Exercise director and Operators (supervisors), Lock. A button the operator's role may not use is not shown (the
// services refuse the calls anyway).
import { useTranslation } from 'react-i18next';
import { lockDesk } from '../lock/LockScreen';
import { useCan, useSession, useStoreApi } from '../state/hooks';
import { useUnitsView } from './view-store';

export function TopbarActions() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const view = useUnitsView((s) => s.view);
  const open = useUnitsView((s) => s.open);
  const canHandover = useCan('previewHandover');
  const canOperators = useCan('listOperators');
  const exercise = useSession()?.operation.mode === 'exercise';
  const canDirect = useCan('listInjects') && exercise;
  const boardOpen = view === 'board' || view === 'roster';
  return (
    <div className="topbar-actions">
      <button
        type="button"
        className="btn-ghost"
        data-testid="open-unit-board"
        aria-pressed={boardOpen}
        onClick={() => open(boardOpen ? null : 'board')}
      >
        {t('uboard.open')}
      </button>
      <button
        type="button"
        className="btn-ghost directory-open"
        data-testid="open-directory"
        aria-pressed={view === 'directory'}
        aria-label={t('directory.open')}
        title={t('directory.open')}
        onClick={() => open(view === 'directory' ? null : 'directory')}
      >
        <ContactsIcon />
      </button>
      {canHandover && (
        <button
          type="button"
          className="btn-ghost"
          data-testid="open-handover"
          onClick={() => open('handover')}
        >
          {t('handover.open')}
        </button>
      )}
      <button
        type="button"
        className="btn-ghost directory-open"
        data-testid="open-settings"
        aria-label={t('settings.open')}
        title={t('settings.open')}
        onClick={() => open('settings')}
      >
        <GearIcon />
      </button>
      {canDirect && (
        <button
          type="button"
          className="btn-ghost"
          data-testid="open-director"
          aria-pressed={view === 'director'}
          onClick={() => open(view === 'director' ? null : 'director')}
        >
          {t('exercise.open')}
        </button>
      )}
      {canOperators && (
        <button
          type="button"
          className="btn-ghost"
          data-testid="open-operators"
          onClick={() => open('operators')}
        >
          {t('operators.open')}
        </button>
      )}
      <button
        type="button"
        className="btn-ghost"
        data-testid="open-shortcuts"
        aria-label={t('keys.title')}
        title={t('keys.title')}
        onClick={() => open('shortcuts')}
      >
        ?
      </button>
      <button
        type="button"
        className="btn-ghost"
        data-testid="lock-desk"
        onClick={() => void lockDesk(store, 'manual')}
      >
        {t('lock.lock')}
      </button>
    </div>
  );
}

/** A contact card, drawn: the console ships no emoji font. */
function ContactsIcon() {
  return (
    <svg className="contacts-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <rect x="3" y="4" width="18" height="16" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="9" cy="10.5" r="2.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M5.5 17c.8-2 2-3 3.5-3s2.7 1 3.5 3M14.5 9h3.5M14.5 13h3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** Settings, as an icon: the top bar is full in French at 1920 px, and a gear needs no words. */
function GearIcon() {
  return (
    <svg className="contacts-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
      <circle cx="12" cy="12" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
