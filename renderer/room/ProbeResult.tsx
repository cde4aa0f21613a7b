// What "Test connection" found, in the operator's language: the room's operation, or why it could
// not be reached as a room (a wrong certificate names both fingerprints), with the client's own
// words underneath for the administrator.
import { useTranslation } from 'react-i18next';
import type { RoomProbe } from '../../shared/desktop-bridge';

export function ProbeResult({ probe }: { probe: RoomProbe }) {
  const { t } = useTranslation();
  if (probe.reached)
    return (
      <div className="open-room-result ok" role="status" data-testid="room-probe" data-reached="true">
        <p>
          {t('openRoom.reached', { name: probe.operation.name, mode: t(`openRoom.${probe.operation.mode}`) })}
        </p>
        {!probe.journalOk && <p className="field-error">{t('openRoom.reachedJournalBad')}</p>}
      </div>
    );
  return (
    <div className="open-room-result bad" role="alert" data-testid="room-probe" data-reached="false">
      <p>
        {t(`openRoom.failure.${probe.reason}`, {
          url: probe.url,
          presented: probe.presented ?? '—',
          pinned: probe.fingerprint,
        })}
      </p>
      <p className="hint">{t('openRoom.detail', { detail: probe.detail })}</p>
    </div>
  );
}
