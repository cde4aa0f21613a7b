// A banner while this console has lost its live link to the data (the host stopped answering) or
// the host has lost its database (a room's PostgreSQL down): since when, and that the picture may
// be stale. It goes away by itself when the link is back; writes meanwhile fail with a message.
import { useTranslation } from 'react-i18next';
import { useVigie } from '../state/hooks';
import { useOperationClock } from '../clock/use-clock';
import { formatClock } from '../../shared/time-format';

export function RoomAlarm() {
  const { t } = useTranslation();
  const { timeZone } = useOperationClock();
  const live = useVigie((s) => s.live);
  const ready = useVigie((s) => s.loadState === 'ready');
  if (!ready || live.room.state !== 'lost' || !live.room.since) return null;
  const since = formatClock(Date.parse(live.room.since), timeZone, false);
  return (
    <div className="room-alarm" role="alert" data-testid="room-alarm">
      {t(live.connected ? 'room.databaseLost' : 'room.linkLost', { since })}
    </div>
  );
}
