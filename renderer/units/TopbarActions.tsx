// Top bar buttons: Units board, Handover, Settings, Lock.
import { useTranslation } from 'react-i18next';
import { lockDesk } from '../lock/LockScreen';
import { useSession, useStoreApi } from '../state/hooks';
import { useUnitsView } from './view-store';

export function TopbarActions() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const session = useSession();
  const view = useUnitsView((s) => s.view);
  const open = useUnitsView((s) => s.open);
  const signedIn = Boolean(session?.operator);
  const boardOpen = view === 'board' || view === 'roster';
  return (
    <div className="topbar-actions">
      <button
        type="button"
        className="btn-ghost"
        data-testid="open-unit-board"
        aria-pressed={boardOpen}
        disabled={!session}
        onClick={() => open(boardOpen ? null : 'board')}
      >
        {t('uboard.open')}
      </button>
      <button
        type="button"
        className="btn-ghost"
        data-testid="open-handover"
        disabled={!signedIn}
        title={signedIn ? undefined : t('handover.signInFirst')}
        onClick={() => open('handover')}
      >
        {t('handover.open')}
      </button>
      <button
        type="button"
        className="btn-ghost"
        data-testid="open-settings"
        disabled={!session}
        onClick={() => open('settings')}
      >
        {t('settings.open')}
      </button>
      <button
        type="button"
        className="btn-ghost"
        data-testid="lock-desk"
        disabled={!signedIn}
        onClick={() => void lockDesk(store, 'manual')}
      >
        {t('lock.lock')}
      </button>
    </div>
  );
}
