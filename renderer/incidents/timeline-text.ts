// A journal entry about an incident, in plain words ("Acknowledged", "Unit FR-PAT-01 assigned",
// "Priority P3 → P1"), in the UI language. Unknown actions show their code, never nothing.
import type { TFunction } from 'i18next';
import type { JournalEntry } from '../../shared/domain';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);

/** The lifecycle actions and their journal action names. */
const LIFECYCLE = ['acknowledge', 'dispatch', 'arrive', 'resolve', 'close', 'cancel', 'reopen'] as const;
type Lifecycle = (typeof LIFECYCLE)[number];
const isLifecycle = (v: string): v is Lifecycle => (LIFECYCLE as readonly string[]).includes(v);

const EDITABLE = [
  'title',
  'category',
  'priority',
  'description',
  'source',
  'reporter',
  'lat',
  'lon',
  'venueId',
  'sector',
  'locationText',
] as const;
type Editable = (typeof EDITABLE)[number];
const isEditable = (v: string): v is Editable => (EDITABLE as readonly string[]).includes(v);

export interface EntryText {
  /** What happened, one line. */
  what: string;
  /** The reason, note text or changed values, when there are any. */
  detail: string | null;
}

export function describeEntry(e: JournalEntry, t: TFunction): EntryText {
  const d = isRecord(e.data) ? e.data : {};
  const action = e.action.startsWith('incident.') ? e.action.slice('incident.'.length) : e.action;
  if (isLifecycle(action)) {
    const reason = str(d.reason);
    const label = action === 'close' ? 'timeline.outcome' : 'timeline.reason';
    return { what: t(`timeline.${action}`), detail: reason ? t(label, { reason }) : null };
  }
  switch (action) {
    case 'created':
      return { what: t('timeline.created'), detail: str(d.title) || null };
    case 'note_added':
      return { what: t('timeline.note'), detail: str(d.text) };
    case 'unit_assigned':
      return {
        what: t(d.reassigned ? 'timeline.unitReassigned' : 'timeline.unitAssigned', {
          callsign: str(d.callsign),
        }),
        detail: null,
      };
    case 'unit_released': {
      const because = str(d.because);
      return {
        what: t('timeline.unitReleased', { callsign: str(d.callsign) }),
        detail: because ? t('timeline.because', { status: t(`incidentStatus.${because}`, because) }) : null,
      };
    }
    case 'updated':
    case 'priority_changed': {
      const changes = isRecord(d.changes) ? d.changes : {};
      const parts = Object.entries(changes).map(([k, c]) => {
        const field = isEditable(k) ? t(`timeline.fields.${k}`) : k;
        if (!isRecord(c)) return field;
        const from = k === 'priority' ? `P${str(c.from)}` : str(c.from) || '—';
        const to = k === 'priority' ? `P${str(c.to)}` : str(c.to) || '—';
        return k === 'description' ? field : `${field}: ${from} → ${to}`;
      });
      return {
        what: t(action === 'priority_changed' ? 'timeline.priorityChanged' : 'timeline.updated'),
        detail: parts.join('; ') || null,
      };
    }
    default:
      return { what: e.action, detail: null };
  }
}
