// A modal dialog of the units, handover and settings views: title, close button, Escape closes.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Dialog({
  title,
  testId,
  onClose,
  wide = false,
  children,
}: {
  title: string;
  testId: string;
  onClose: () => void;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  // Escape closes the dialog wherever the focus is (a button that went away leaves it on the body).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div className="ux-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={wide ? 'ux-dialog wide' : 'ux-dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        tabIndex={-1}
      >
        <header className="ux-dialog-head">
          <h2>{title}</h2>
          <button type="button" className="btn-icon" aria-label={t('panel.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="ux-dialog-body">{children}</div>
      </div>
    </div>
  );
}
