// Keyboard shortcuts of the whole console: N (when not typing) or Ctrl+I opens the new-incident
// form; Escape leaves "pick on map", else closes the incident pane (forms handle their own Escape);
// ? opens the list of shortcuts. With an incident open: A, D, S, R, C press its lifecycle button, U
// opens the unit picker, T goes to the note box. A key presses the very button the officer sees
// (so a step the role or the status does not allow has no button and the key does nothing).
// Neither ever throws away typing: not while an incident is being edited, and Ctrl+I not from a
// text box that holds text (a note being written).
import { useEffect } from 'react';
import { ACTION_KEYS } from '../../shared/incident-lifecycle';
import { may } from '../state/can';
import type { VigieStore } from '../state/store';
import { useUnitsView } from '../units/view-store';

/** One key (lower case) → the test id of the incident pane's control it works. */
const PANE_KEYS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(ACTION_KEYS).map(([a, k]) => [k.toLowerCase(), `action-${a}`])),
  u: 'assign-open',
  t: 'note-input',
};

/** The incident pane's control for `key`, when it is there and enabled. */
function paneControl(key: string): HTMLElement | null {
  const id = PANE_KEYS[key];
  if (!id) return null;
  const el = document.querySelector<HTMLElement>(`[data-testid="incident-pane"] [data-testid="${id}"]`);
  if (!el || (el instanceof HTMLButtonElement && el.disabled)) return null;
  return el;
}

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
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target);
      // Not over a dialog: its own keys come first.
      const dialogOpen = document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
      if (plain && e.key === '?' && !dialogOpen) {
        e.preventDefault();
        useUnitsView.getState().open('shortcuts');
        return;
      }
      if (plain && !e.shiftKey && !dialogOpen && s.pane?.kind === 'incident') {
        const control = paneControl(e.key.toLowerCase());
        if (control) {
          e.preventDefault();
          if (control instanceof HTMLTextAreaElement) control.focus();
          else control.click();
          return;
        }
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
