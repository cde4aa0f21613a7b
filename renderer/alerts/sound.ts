// The alert sounds, bundled with the app (resources/sounds, made by electron/build/make-sounds.mjs).
// A P1 is never silent: the desk's mute does not apply and its volume has a floor. A browser may
// refuse to play before the page has had a click or a key press: that is recorded as 'blocked' and
// the banner offers to enable sound. Every attempt is logged; under automation (navigator.webdriver)
// the log is window.__vigieSounds, which the end-to-end tests read.
import type { AlertTone } from '../../shared/alerts';
import { resourceUrl } from '../map/glyphs';
import type { AlertPrefs } from './prefs';

export const P1_MIN_VOLUME = 0.6;

export type SoundResult = 'played' | 'blocked' | 'muted';

export interface SoundEvent {
  tone: AlertTone;
  key: string;
  volume: number;
  result: SoundResult;
  at: number;
}

/** The volume a tone plays at with these preferences (0: not played). */
export function toneVolume(tone: AlertTone, prefs: Pick<AlertPrefs, 'volume' | 'muted'>): number {
  if (tone === 'p1') return Math.max(prefs.volume, P1_MIN_VOLUME);
  if (prefs.muted) return 0;
  return tone === 'info' ? prefs.volume * 0.6 : prefs.volume;
}

const log: SoundEvent[] = [];
const listeners = new Set<(e: SoundEvent) => void>();
if (typeof navigator !== 'undefined' && navigator.webdriver)
  (window as unknown as { __vigieSounds: SoundEvent[] }).__vigieSounds = log;

function record(e: SoundEvent): SoundEvent {
  log.push(e);
  if (log.length > 200) log.shift();
  for (const l of listeners) l(e);
  return e;
}

/** Called with each sound attempt (the banner shows "sound blocked" from it). */
export function onSound(listener: (e: SoundEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function playTone(tone: AlertTone, key: string, prefs: AlertPrefs): Promise<SoundEvent> {
  const volume = toneVolume(tone, prefs);
  const at = Date.now();
  if (volume === 0) return record({ tone, key, volume, result: 'muted', at });
  const audio = new Audio(resourceUrl(`sounds/${tone}.wav`));
  audio.volume = volume;
  try {
    await audio.play();
    return record({ tone, key, volume, result: 'played', at });
  } catch {
    return record({ tone, key, volume, result: 'blocked', at });
  }
}
