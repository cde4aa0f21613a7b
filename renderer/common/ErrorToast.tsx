// Shows the last API error (e.g. a refused status change) until dismissed or for 10 seconds, or a
// short confirmation (a new incident's reference) for 6 seconds.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useVigie } from '../state/hooks';

const SHOW_MS = { error: 10_000, notice: 6_000 } as const;

export function ErrorToast() {
  const { t } = useTranslation();
  const toast = useVigie((s) => s.toast);
  const dismiss = useVigie((s) => s.dismissToast);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismiss, SHOW_MS[toast.kind]);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);

  if (!toast) return null;
  const error = toast.kind === 'error';
  return (
    <div
      className={error ? 'error-toast' : 'error-toast notice'}
      role={error ? 'alert' : 'status'}
      data-testid={error ? 'error-toast' : 'notice'}
    >
      <span className="error-toast-text">{toast.message}</span>
      <button type="button" className="btn-icon" aria-label={t('app.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
