// Top bar buttons: Units board, Handover, Settings, Operators (supervisors), Lock. A button the
// operator's role may not use is not shown (the services refuse the calls anyway).
import { useTranslation } from 'react-i18next';
import { lockDesk } from '../lock/LockScreen';
import { useCan, useStoreApi } from '../state/hooks';
import { useUnitsView } from './view-store';

export function TopbarActions() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const view = useUnitsView((s) => s.view);
  const open = useUnitsView((s) => s.open);
  const canHandover = useCan('previewHandover');
  const canOperators = useCan('listOperators');
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
        className="btn-ghost"
        data-testid="open-settings"
        onClick={() => open('settings')}
      >
        {t('settings.open')}
      </button>
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
