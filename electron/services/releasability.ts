// Releasability in the services: who the desk reads for, as a scope the store can filter by, and
// the checks every read of a marked item (incident, note, zone) goes through. An item a desk may
// not see is answered exactly as a missing one: the same code, the same message.
import type { Incident, JournalEntry } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import type { Audience, Marking } from '../../shared/releasability.js';
import { canSee } from '../../shared/releasability.js';
import { PERMISSIONS } from '../../shared/permissions.js';
import type { Ctx } from './context.js';
import type { Desk } from './desk.js';
import { audienceOf } from './audience.js';
import type { Db } from '../store/db.js';
import { hostCountry } from '../store/meta.js';
import { getIncident, releasedTo, type ReleaseScope } from '../store/incidents.js';
import { getNote } from '../store/incident-notes.js';
import { getZone } from '../store/zones.js';
import { getBulletin } from '../store/bulletins.js';

/** The desk's scope for store reads: undefined for host staff (everything). */
export const releaseScope = (db: Db, desk: Desk): ReleaseScope | undefined =>
  scopeOf(audienceOf(desk, hostCountry(db)));

/** The store's scope for an audience, when the caller already knows the host nation. */
export function scopeOf(audience: Audience): ReleaseScope | undefined {
  switch (audience.kind) {
    case 'host':
      return undefined;
    case 'partner':
      return { country: audience.country };
    case 'wall':
      return { country: null };
  }
}

export const incidentMissing = (id: string): ApiError =>
  new ApiError({ code: 'not_found', message: `Incident ${id} does not exist` });

/** The incident if it exists and the desk may see it; otherwise the very error of a missing one. */
export function mustSeeIncident(ctx: Ctx, desk: Desk, id: string): Incident {
  const incident = getIncident(ctx.db, id);
  if (!incident || !releasedTo(releaseScope(ctx.db, desk), incident.marking)) throw incidentMissing(id);
  return incident;
}

/** A marking as stored: the host nation (which always sees) left out, codes sorted once each. */
export function normalMarking(db: Db, m: Marking | undefined): Marking | undefined {
  if (m === undefined || m === null) return m;
  const host = hostCountry(db);
  return [...new Set(m.filter((c) => c !== host))].sort();
}

/**
 * A partner liaison may mark what they write, but not so that they could no longer read it: the
 * marking must release it to their own country. Returns the marking as stored (normalMarking).
 */
export function checkOwnMarking(
  ctx: Ctx,
  desk: Desk,
  marking: Marking | undefined,
  field = 'marking',
): Marking | undefined {
  const normal = normalMarking(ctx.db, marking);
  if (normal === undefined || normal === null) return normal;
  const audience = audienceOf(desk, hostCountry(ctx.db));
  if (audience.kind !== 'partner' || canSee(audience, normal, hostCountry(ctx.db))) return normal;
  const message = `a marking you set must release the item to your own country (${audience.country})`;
  throw new ApiError({
    code: 'invalid_input',
    message: `${field}: ${message}`,
    issues: [{ path: field, message }],
  });
}

export const sameMarking = (a: Marking, b: Marking): boolean =>
  a === null || b === null ? a === b : [...new Set(a)].sort().join() === [...new Set(b)].sort().join();

// Entries about people and the console's own security (sign-ins, refusals, accounts, handovers
// between host officers), and the exercise's script (injects: what is coming is the director's):
// host business, never sent to a partner or the wall.
const HOST_ONLY_ENTITIES = new Set(['operator', 'login', 'account', 'call', 'handover', 'inject']);

/** What the filter reads of an entry: a full journal entry, or a live one (no data). */
export type EntryFacts = Pick<JournalEntry, 'action' | 'entityType' | 'entityId'> & { data?: unknown };

const dataOf = (e: EntryFacts): Record<string, unknown> =>
  typeof e.data === 'object' && e.data !== null ? (e.data as Record<string, unknown>) : {};

/** The marking an entry recorded (a deleted zone's), or null for entries older than markings. */
const recordedMarking = (e: EntryFacts): Marking => {
  const m = dataOf(e)['marking'];
  return Array.isArray(m) ? (m as string[]) : null;
};

/** A marking change is news to a reader who could see the item before or can see it after. */
function changeSeen(scope: ReleaseScope, e: EntryFacts): boolean {
  const d = dataOf(e);
  const side = (k: 'from' | 'to') => (Array.isArray(d[k]) ? (d[k] as string[]) : null);
  return releasedTo(scope, side('from')) || releasedTo(scope, side('to'));
}

/** Whether a journal entry may reach a reader with this scope (the live feed, timelines). */
export function entryVisible(db: Db, scope: ReleaseScope | undefined, e: EntryFacts): boolean {
  if (!scope) return true;
  if (HOST_ONLY_ENTITIES.has(e.entityType)) return false;
  if (e.entityType === 'incident' && e.entityId !== null) {
    if (e.action === 'incident.marking_changed') return changeSeen(scope, e);
    const incident = getIncident(db, e.entityId);
    if (!incident || !releasedTo(scope, incident.marking)) return false;
    if (e.action !== 'incident.note_added') return true;
    // Every note entry names its note; one that cannot be told is not sent.
    const noteId = dataOf(e)['noteId'];
    const note = typeof noteId === 'string' ? getNote(db, noteId) : null;
    return note !== null && releasedTo(scope, note.marking);
  }
  if (e.entityType === 'zone' && e.entityId !== null) {
    if (e.action === 'zone.marking_changed') return changeSeen(scope, e);
    const zone = getZone(db, e.entityId);
    return releasedTo(scope, zone ? zone.marking : recordedMarking(e));
  }
  if (e.entityType === 'bulletin' && e.entityId !== null) {
    const bulletin = getBulletin(db, e.entityId);
    return bulletin !== null && releasedTo(scope, bulletin.marking);
  }
  return true;
}

/** The live feed's filter for a desk, read afresh for each entry: the desk's operator may change. */
export function feedFilter(db: () => Db, desk: Desk): (e: EntryFacts) => boolean {
  return (e) => {
    const d = db();
    return entryVisible(d, releaseScope(d, desk), e);
  };
}

/**
 * Whether a desk's pushed moves may carry the unit's new position: only if its operator may read
 * the units list (a desk no one is signed in on hears that a unit moved, never where to). Read
 * afresh for each batch, like the filter: the desk's operator may change.
 */
export function readsPositions(desk: Desk): boolean {
  const readers = PERMISSIONS.listUnits;
  const role = desk.operator?.role;
  return role !== undefined && readers !== 'public' && (readers as readonly string[]).includes(role);
}
