// Covers the workspace while the operation loads, or explains why it could not (with a retry).
import { useTranslation } from 'react-i18next';
import { useVigie } from '../state/hooks';

export function LoadStatus() {
  const { t } = useTranslation();
  const state = useVigie((s) => s.loadState);
  const error = useVigie((s) => s.loadError);
  const loadAll = useVigie((s) => s.loadAll);
  if (state === 'ready') return null;
  return (
    <div className="load-status" role="status" data-testid="load-status">
      {state === 'failed' ? (
        <>
          <p>{t('app.loadFailed', { message: error ?? '' })}</p>
          <button type="button" className="btn-primary" onClick={() => void loadAll()}>
            {t('app.retry')}
          </button>
        </>
      ) : (
        <p>{t('app.loading')}</p>
      )}
    </div>
  );
}
