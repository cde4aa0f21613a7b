// A banner while this console has lost its live link to the data (the host stopped answering) or
// the host has lost its database (a room's PostgreSQL down): since when, and that the picture may
// be stale. It goes away by itself when the link is back; writes meanwhile fail with a message.
// A desktop app in a room says instead that it shows its local copy of the room, and of when.
import { useTranslation } from 'react-i18next';
import { useVigie } from '../state/hooks';
import { useOperationClock } from '../clock/use-clock';
import { formatClock } from '../../shared/time-format';

export function RoomAlarm() {
  const { t } = useTranslation();
  const { timeZone } = useOperationClock();
  const live = useVigie((s) => s.live);
  const ready = useVigie((s) => s.loadState === 'ready');
  const link = useVigie((s) => s.session?.room);
  if (!ready) return null;
  // A desktop app whose room is unreachable shows its own copy, read-only: say how old it is.
  if (link && !link.connected) {
    const at = (iso: string | null) => (iso ? formatClock(Date.parse(iso), timeZone, false) : '—');
    return (
      <div className="room-alarm" role="alert" data-testid="room-alarm">
        {t('room.localCopy', { copyAt: at(link.copyAt), since: at(link.lostSince) })}
      </div>
    );
  }
  if (live.room.state !== 'lost' || !live.room.since) return null;
  const since = formatClock(Date.parse(live.room.since), timeZone, false);
  return (
    <div className="room-alarm" role="alert" data-testid="room-alarm">
      {t(live.connected ? 'room.databaseLost' : 'room.linkLost', { since })}
    </div>
  );
}
