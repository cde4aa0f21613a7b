// What a desk re-reads when the journal says something changed: only the lists the entries touch.
// Every change is a journal entry naming its entity type, so this is the whole map of it.
import type { LiveEntry } from '../../shared/live';

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

export function reloadsFor(entries: readonly PushedEntry[]): Set<Reload> {
  const out = new Set<Reload>();
  for (const e of entries) {
    // A move changes the unit's position only: no incident row shows it.
    const r = e.action === 'unit.moved' ? MOVED : BY_TYPE[e.entityType];
    if (!r) return new Set(['everything']);
    for (const x of r) out.add(x);
  }
  return out;
}
