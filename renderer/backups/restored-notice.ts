// After a restore the page reloads; this carries "restored" across the reload (sessionStorage, this
// tab only) so the console can say so once it has read the restored data.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreApi, useVigie } from '../state/hooks';

const KEY = 'vigie.restored';

interface Restored {
  when: string;
  safetyBackup: string;
}

export function noteRestored(r: Restored): void {
  sessionStorage.setItem(KEY, JSON.stringify(r));
}

function takeNote(): Restored | null {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  try {
    const v: unknown = raw ? JSON.parse(raw) : null;
    const r = v as Partial<Restored> | null;
    return typeof r?.when === 'string' && typeof r.safetyBackup === 'string'
      ? { when: r.when, safetyBackup: r.safetyBackup }
      : null;
  } catch {
    return null;
  }
}

/** Shows the notice once the data is loaded. */
export function useRestoredNotice(): void {
  const { t } = useTranslation();
  const store = useStoreApi();
  const ready = useVigie((s) => s.loadState === 'ready');
  useEffect(() => {
    if (!ready) return;
    const note = takeNote();
    if (note) store.getState().showNotice(t('backups.restored', { ...note }));
  }, [ready, store, t]);
}
