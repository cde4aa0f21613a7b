// What a desk re-reads when the journal says something changed: only the lists the entries touch.
// Every change is a journal entry naming its entity type, so this is the whole map of it. A move
// that brings the unit's new position is applied from the entry (state/unit-moves.ts) instead.
import { isUnitMove, type LiveEntry, type UnitMove } from '../../shared/live';

export type Reload =
  | 'units'
  | 'incidents'
  | 'zones'
  | 'settings'
  | 'contingents'
  | 'alertLevel'
  | 'bulletins'
  | 'requests'
  | 'desks'
  | 'alertAcks'
  | 'priorityOne'
  | 'exercise'
  | 'everything';

export type PushedEntry = LiveEntry;

const BY_TYPE: Record<string, Reload[]> = {
  incident: ['incidents', 'priorityOne'],
  unit: ['units', 'incidents'],
  contingent: ['contingents', 'units'],
  roster: ['contingents', 'units'],
  // An incident's place name may be a zone's (electron/services/place-names.ts).
  zone: ['zones', 'incidents'],
  settings: ['settings', 'incidents'],
  alert_level: ['alertLevel'],
  bulletin: ['bulletins'],
  request: ['requests'],
  alert: ['alertAcks'],
  // Who signs in changes the room's desks (requests and bulletins are addressed to them).
  operator: ['desks', 'bulletins'],
  // Handovers and the parade (its panel reads its own state) change nothing the lists show.
  handover: [],
  route: [],
  // A street map names incidents' points after its streets.
  basemap: ['incidents'],
  // The exercise clock (in the session: every age follows it) and the director's injects.
  exercise: ['exercise'],
  inject: ['exercise'],
};

const MOVED: Reload[] = ['units'];

/** A pushed move the console can apply as it is: the unit named, its new position whole. */
export interface PushedMove extends UnitMove {
  id: string;
}

/** The entry's move, if it carries one that can be applied without a re-read. */
export function pushedMove(e: PushedEntry): PushedMove | null {
  if (e.action !== 'unit.moved' || e.entityId === null || !isUnitMove(e.move)) return null;
  return { ...e.move, id: e.entityId };
}

export function reloadsFor(entries: readonly PushedEntry[]): Set<Reload> {
  const out = new Set<Reload>();
  for (const e of entries) {
    // A move that brings its position needs no read; one that does not (an older server, a desk's
    // mirror) changes the unit's position only: no incident row shows it.
    if (pushedMove(e)) continue;
    const r = e.action === 'unit.moved' ? MOVED : BY_TYPE[e.entityType];
    if (!r) return new Set(['everything']);
    for (const x of r) out.add(x);
  }
  return out;
}
