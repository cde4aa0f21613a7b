// After "Create": where the new operation is, who signs in to it, and how to work on it: the
// desktop app reopens on it; a browser on the host is given the command that serves it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedOperation } from '../../shared/api/operations';
import type { DesktopBridge } from '../../shared/desktop-bridge';
import { toApiError } from '../api';
import { packageName } from './PackageSummary';

export function CreatedPanel({
  created,
  bridge,
}: {
  created: CreatedOperation;
  bridge: DesktopBridge | null;
}) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const reopen = async () => {
    if (!bridge) return;
    setOpening(true);
    try {
      await bridge.openOperationFile(created.file);
    } catch (err) {
      setError(toApiError(err).message);
      setOpening(false);
    }
  };
  return (
    <div className="newop-created" data-testid="newop-created">
      <p role="status">
        <strong>{t('newop.created', { name: packageName(created.scenario, i18n.language) })}</strong>
      </p>
      <p>
        {t('newop.createdFile')} <code data-testid="newop-created-file">{created.file}</code>
      </p>
      <p data-testid="newop-login">
        {created.login ? t('newop.loginYours', { login: created.login }) : t('newop.loginPackage')}
      </p>
      <p className="hint">{t('newop.untouched')}</p>
      {bridge ? (
        <div className="form-actions">
          <button
            type="button"
            className="btn-primary"
            data-testid="newop-open"
            disabled={opening}
            onClick={() => void reopen()}
          >
            {t('newop.openNow')}
          </button>
        </div>
      ) : (
        <p>
          {t('newop.serveIt')} <code data-testid="newop-serve">npx vigie serve --db "{created.file}"</code>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
