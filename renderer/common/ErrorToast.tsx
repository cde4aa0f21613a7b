// Shows the last API error (e.g. a refused status change) until dismissed or for 10 seconds.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useVigie } from '../state/hooks';

const SHOW_MS = 10_000;

export function ErrorToast() {
  const { t } = useTranslation();
  const toast = useVigie((s) => s.toast);
  const dismiss = useVigie((s) => s.dismissToast);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismiss, SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);

  if (!toast) return null;
  return (
    <div className="error-toast" role="alert" data-testid="error-toast">
      <span className="error-toast-text">{toast.message}</span>
      <button type="button" className="btn-icon" aria-label={t('app.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
