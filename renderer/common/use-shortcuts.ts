// Keyboard shortcuts of the whole console: N (when not typing) or Ctrl+I opens the new-incident
// form; Escape leaves "pick on map", else closes the incident pane (forms handle their own Escape).
// Neither ever throws away typing: not while an incident is being edited, and Ctrl+I not from a
// text box that holds text (a note being written).
import { useEffect } from 'react';
import { may } from '../state/can';
import type { VigieStore } from '../state/store';

/** The key lands in something the officer is typing into. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return false;
}

export function useShortcuts(store: VigieStore): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const s = store.getState();
      const ctrlI = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'i';
      const n = e.key.toLowerCase() === 'n' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target);
      const holdsText =
        (e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement) &&
        e.target.value.trim() !== '' &&
        !e.target.closest('[data-testid="incident-form"]');
      if (
        (ctrlI || n) &&
        s.loadState === 'ready' &&
        may(s, 'createIncident') &&
        s.pane?.kind !== 'edit' &&
        !holdsText
      ) {
        e.preventDefault();
        s.setTab('incidents');
        s.openCreate();
        return;
      }
      if (e.key === 'Escape' && !typing(e.target)) {
        if (s.picking) s.setPicking(false);
        else if (s.pane?.kind === 'incident') s.closePane();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
