// The top bar's Journal button and the viewer it opens. Shown only to the roles the permission table
// lets read the journal (the service refuses the others anyway, 403).
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { refusal } from '../../shared/permissions';
import { useSession } from '../state/hooks';
import { JournalViewer } from './JournalViewer';

export function JournalViewerButton() {
  const { t } = useTranslation();
  const role = useSession()?.operator?.role ?? null;
  const [open, setOpen] = useState(false);
  if (role === null || refusal('listJournal', role) !== null) return null;
  return (
    <>
      <button
        type="button"
        className="btn-ghost"
        data-testid="open-journal"
        aria-pressed={open}
        onClick={() => setOpen(!open)}
      >
        {t('journalViewer.open')}
      </button>
      {/* On the body: the top bar's own stacking must not clip or cover the dialog. */}
      {open && createPortal(<JournalViewer onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
