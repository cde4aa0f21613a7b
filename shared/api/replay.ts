// Replay: the picture as it was at any moment of the operation, rebuilt from the journal's
// after-images (electron/store/replay.ts). Read-only; the live data is never touched. A replay
// reads the running operation, or one of the listed backups (by name, never a path).
import { z } from 'zod';
import { call } from './call.js';
import { isoInstant } from './handover.js';
import type { IncidentRow, JournalEntry, Route, Unit, Zone } from '../domain.js';
import type { AlertLevel } from '../awareness.js';
import type { ParadeView } from './map.js';

/** A file name from listBackups; absent: the running operation. */
const backup = z.string().min(1).max(200).optional();

export interface ReplayRange {
  /** The backup replayed, or null for the running operation. */
  backup: string | null;
  /** Operation time of the first and the newest entry a replay can show (null: no entry yet). */
  first: string | null;
  last: string | null;
}

export interface ReplayPicture {
  backup: string | null;
  /** The moment asked for, and the last journal entry at or before it (null: before any). */
  at: string;
  seq: number | null;
  units: Unit[];
  /** Every incident, closed ones too, with its status at that moment. */
  incidents: IncidentRow[];
  zones: Zone[];
  routes: Route[];
  parade: ParadeView;
  alertLevel: AlertLevel;
  /** The journal entries of that minute, newest first; null for a role that does not read the journal. */
  entries: JournalEntry[] | null;
}

export const replayCalls = {
  replayRange: call<ReplayRange>()(z.object({ backup }).strict()),
  replayAt: call<ReplayPicture>()(z.object({ at: isoInstant, backup }).strict()),
};
