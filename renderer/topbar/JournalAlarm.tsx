// A banner that cannot be missed when the journal's hash chain failed verification.
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/hooks';

export function JournalAlarm() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session || session.journalOk) return null;
  const seq = session.journalFirstBadSeq;
  return (
    <div className="journal-alarm" role="alert" data-testid="journal-alarm">
      {seq === null ? t('journal.alarmNoSeq') : t('journal.alarm', { seq })}
    </div>
  );
}
