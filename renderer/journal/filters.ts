// The viewer's filter form as typed, and the listJournal query it stands for: blanks left out,
// times typed as wall time in the operation's zone turned into instants.
import type { CallInput } from '../../shared/api';
import { fromWall } from '../handover/zone-time';

export interface FilterForm {
  operator: string;
  desk: string;
  entityType: string;
  entityId: string;
  action: string;
  /** datetime-local values ("2024-07-26T18:00"), in the operation's time zone. */
  from: string;
  to: string;
}

export type FilterField = keyof FilterForm;
export const FILTER_FIELDS: readonly FilterField[] = [
  'operator',
  'desk',
  'entityType',
  'entityId',
  'action',
  'from',
  'to',
];

export const EMPTY_FILTERS: FilterForm = {
  operator: '',
  desk: '',
  entityType: '',
  entityId: '',
  action: '',
  from: '',
  to: '',
};

const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export type JournalFilter = Omit<CallInput<'listJournal'>, 'limit' | 'beforeSeq'>;

/** The query, or the fields that cannot make one (a time that does not parse). */
export function toQuery(
  f: FilterForm,
  timeZone: string,
): { ok: true; query: JournalFilter } | { ok: false; bad: FilterField[] } {
  const query: JournalFilter = {};
  const bad: FilterField[] = [];
  for (const k of ['operator', 'desk', 'entityType', 'entityId', 'action'] as const) {
    const v = f[k].trim();
    if (v) query[k] = v;
  }
  for (const k of ['from', 'to'] as const) {
    if (!f[k]) continue;
    // What a datetime-local input gives; Date.parse alone would take junk for a date.
    const at = WALL_TIME.test(f[k]) ? fromWall(f[k], timeZone) : null;
    if (at) query[k] = at;
    else bad.push(k);
  }
  return bad.length ? { ok: false, bad } : { ok: true, query };
}

/** The entity types and actions the journal holds, offered as suggestions while typing. */
export const ENTITY_TYPES = [
  'incident',
  'unit',
  'zone',
  'contingent',
  'operator',
  'account',
  'login',
  'handover',
  'settings',
  'operation',
  'roster',
  'route',
  'basemap',
  'database',
  'call',
] as const;

export const ACTION_SUGGESTIONS = [
  'incident',
  'incident.created',
  'incident.updated',
  'incident.note_added',
  'incident.unit_assigned',
  'incident.unit_released',
  'unit',
  'unit.status_changed',
  'unit.moved',
  'zone',
  'operator',
  'operator.signed_in',
  'operator.sign_in_failed',
  'operator.permission_refused',
  'operator.login_locked',
  'handover.acknowledged',
  'settings.updated',
  'backup.restored',
  'store.triggers_restored',
] as const;
