// This desk's alert preferences: sound volume, mute, desktop notifications. A desk's own setting
// (the seat, not the operator and not the operation), so it lives in the browser's storage.
import { create } from 'zustand';

export interface AlertPrefs {
  /** 0..1. */
  volume: number;
  /** Silences notices and information; never a P1 (see sound.ts). */
  muted: boolean;
  /** Desktop notifications where the platform allows them. */
  desktop: boolean;
}

const KEY = 'vigie.alerts';
export const DEFAULT_PREFS: AlertPrefs = { volume: 0.8, muted: false, desktop: true };

function load(): AlertPrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<AlertPrefs> | null;
    if (!raw || typeof raw !== 'object') return DEFAULT_PREFS;
    const volume = typeof raw.volume === 'number' && raw.volume >= 0 && raw.volume <= 1 ? raw.volume : 0.8;
    return { volume, muted: raw.muted === true, desktop: raw.desktop !== false };
  } catch {
    return DEFAULT_PREFS;
  }
}

interface PrefsStore extends AlertPrefs {
  set: (patch: Partial<AlertPrefs>) => void;
}

export const useAlertPrefs = create<PrefsStore>()((set, get) => ({
  ...load(),
  set: (patch) => {
    set(patch);
    const { volume, muted, desktop } = get();
    try {
      localStorage.setItem(KEY, JSON.stringify({ volume, muted, desktop }));
    } catch {
      // Storage refused (private mode, quota): the setting holds for this page only.
    }
  },
}));
