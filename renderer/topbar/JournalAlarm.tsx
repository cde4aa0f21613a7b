// A banner that cannot be missed when the journal's hash chain failed verification, or when the
// database's append-only protections were found missing at start-up (and put back).
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/hooks';

export function JournalAlarm() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const restored = session.schemaRestored ?? [];
  if (session.journalOk && restored.length === 0) return null;
  const seq = session.journalFirstBadSeq;
  return (
    <div className="journal-alarm" role="alert" data-testid="journal-alarm">
      {!session.journalOk && (seq === null ? t('journal.alarmNoSeq') : t('journal.alarm', { seq }))}
      {restored.length > 0 && (
        <div data-testid="schema-alarm">{t('journal.schemaRestored', { what: restored.join('; ') })}</div>
      )}
    </div>
  );
}
