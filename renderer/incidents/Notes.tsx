// Free-text notes on an incident: append-only, each stamped with operation time (the operation's zone), operator
// and desk. Enter adds the note, Shift+Enter is a new line.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentNote } from '../../shared/domain';
import { formatClock } from '../../shared/time-format';
import { useOperationClock } from '../clock/use-clock';
import { useCan, useVigie } from '../state/hooks';
import { ShortcutHint } from '../common/ShortcutHint';
import { MarkingBadge } from '../marking/MarkingBadge';

export function Notes({ notes }: { notes: readonly IncidentNote[] }) {
  const { t } = useTranslation();
  const { timeZone } = useOperationClock();
  const addNote = useVigie((s) => s.addNote);
  const canNote = useCan('addIncidentNote');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    const ok = await addNote(text.trim());
    setBusy(false);
    if (ok) setText('');
  };

  return (
    <section className="pane-section" aria-labelledby="notes-title">
      <h3 id="notes-title">
        {t('notes.title')} <span className="count">{notes.length}</span>
      </h3>
      {notes.length > 0 && (
        <ol className="notes" data-testid="notes">
          {notes.map((n) => (
            <li key={n.id} className="note" data-testid="note">
              <p className="note-stamp">
                <time dateTime={n.at}>{formatClock(Date.parse(n.at), timeZone)}</time> · {n.operator} ·{' '}
                {t('topbar.desk', { desk: n.desk })} <MarkingBadge marking={n.marking} />
              </p>
              <p className="note-text">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
      {canNote && (
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <textarea
            data-testid="note-input"
            aria-label={t('notes.add')}
            placeholder={t('notes.placeholder')}
            rows={2}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void add();
              }
            }}
          />
          <button
            type="submit"
            className="btn-primary"
            data-testid="note-add"
            disabled={busy || !text.trim()}
            title={!text.trim() ? t('notes.whyEmpty') : undefined}
          >
            {t('notes.add')} <ShortcutHint keys={['T']} />
          </button>
        </form>
      )}
    </section>
  );
}
