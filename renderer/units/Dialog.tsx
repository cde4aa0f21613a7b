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
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
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
