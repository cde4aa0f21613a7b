// The colour of a level on screen: the higher up its scale, the hotter.
import type { AlertScale } from '../../shared/awareness';

export type LevelTone = 'neutral' | 'yellow' | 'orange' | 'red';

const TONES: Record<AlertScale, Record<string, LevelTone>> = {
  vigipirate: { vigilance: 'yellow', securite_renforcee: 'orange', urgence_attentat: 'red' },
  ntas: { none: 'neutral', bulletin: 'yellow', elevated: 'orange', imminent: 'red' },
};

export const levelTone = (scale: AlertScale, level: string): LevelTone => TONES[scale][level] ?? 'neutral';
