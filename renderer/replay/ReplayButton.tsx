// The top bar's Replay button: the console as it was at any moment of the operation (read-only).
import { useTranslation } from 'react-i18next';
import { refusal } from '../../shared/permissions';
import { appClient } from '../lock/client';
import { useSession } from '../state/hooks';
import { useReplay } from './replay-store';

export function ReplayButton() {
  const { t } = useTranslation();
  const role = useSession()?.operator?.role ?? null;
  if (role === null || refusal('replayAt', role) !== null) return null;
  return (
    <button
      type="button"
      className="btn-ghost"
      data-testid="open-replay"
      title={t('replay.openTitle')}
      onClick={() => void useReplay.getState().open(appClient())}
    >
      {t('replay.open')}
    </button>
  );
}
