// The client the replay's own store talks to: the lists come from the picture the server rebuilt
// for the moment (replayAt), the reference data that does not move with the operation (venues,
// contingents, settings, the session) from the live client, and every other call is refused: a
// replay is read-only, and nothing of it may reach the live data.
import type { CallInput, CallName, IncidentPage, Session, VigieClient } from '../../shared/api';
import { boardCursorOf, isAfter, parseBoardCursor } from '../../shared/board-cursor';
import type { ReplayPicture } from '../../shared/api/replay';
import { buildClient } from '../../shared/call-names';
import { ApiError } from '../../shared/errors';
import { isOpen } from '../../shared/incident-lifecycle';
import type { IncidentRow } from '../../shared/domain';
import { byUrgency, rowPoint } from '../state/board';
import { pointRow } from '../../shared/incident-points';

/**
 * The session the replay's views see: the live one, its operator read as the wall's, a screen that
 * only shows. The views then hide every control that would change something, as they do for the wall.
 */
export const replaySession = (live: Session): Session =>
  live.operator ? { ...live, operator: { ...live.operator, role: 'wall' } } : live;

/** Reads that do not change with the moment replayed: answered by the live client. */
const REFERENCE: ReadonlySet<CallName> = new Set<CallName>([
  'listVenues',
  'listContingents',
  'getSettings',
  'getBasemap',
  'namePlace',
  'findStreets',
]);

/** The board's filters, applied to the picture's incidents as the service applies them live. */
export function filterIncidents(all: IncidentRow[], input: CallInput<'listIncidents'>): IncidentRow[] {
  const text = input.text?.trim().toLowerCase() ?? '';
  return all
    .filter(
      (i) =>
        (input.includeClosed || isOpen(i.status)) &&
        (!input.statuses || input.statuses.includes(i.status)) &&
        (!input.priorities || input.priorities.includes(i.priority)) &&
        (!input.categories || input.categories.includes(i.category)) &&
        (!input.venueId || i.venueId === input.venueId) &&
        (!input.sector || i.sector === input.sector) &&
        (!text || `${i.title} ${i.description ?? ''}`.toLowerCase().includes(text)),
    )
    .slice(0, input.limit ?? 10_000);
}

/** One page of the picture's board, as listIncidentPage answers it live. */
export function pageOf(all: IncidentRow[], input: CallInput<'listIncidentPage'>): IncidentPage {
  const { after, limit = 200, ...filter } = input;
  const cursor = after ? parseBoardCursor(after) : null;
  const matching = filterIncidents(all, { ...filter, limit: 100_000 }).sort(byUrgency);
  const from = cursor ? matching.filter((i) => isAfter(i, cursor)) : matching;
  const rows = from.slice(0, limit);
  const last = rows.at(-1);
  return {
    rows,
    total: matching.length,
    next: from.length > rows.length && last ? boardCursorOf(last) : null,
  };
}

export function replayClient(
  live: VigieClient,
  picture: () => ReplayPicture | null,
  readOnly: () => string,
): VigieClient {
  const refuse = () => Promise.reject(new ApiError({ code: 'forbidden', message: readOnly() }));
  const from = (read: (p: ReplayPicture) => unknown) => () => {
    const p = picture();
    return p ? Promise.resolve(read(p)) : refuse();
  };
  const served: Partial<Record<CallName, (input: never) => Promise<unknown>>> = {
    getSession: (input: CallInput<'getSession'>) => live.getSession(input).then(replaySession),
    listUnits: from((p) => p.units),
    listIncidents: (input: CallInput<'listIncidents'>) => {
      const p = picture();
      return p ? Promise.resolve(filterIncidents(p.incidents, input)) : refuse();
    },
    listIncidentPage: (input: CallInput<'listIncidentPage'>) => {
      const p = picture();
      return p ? Promise.resolve(pageOf(p.incidents, input)) : refuse();
    },
    listIncidentPoints: (input: CallInput<'listIncidentPoints'>) => {
      const p = picture();
      return p
        ? Promise.resolve(
            filterIncidents(p.incidents, { ...input, limit: 100_000 })
              .sort(byUrgency)
              .map((r) => pointRow(rowPoint(r))),
          )
        : refuse();
    },
    listZones: from((p) => p.zones),
    listRoutes: from((p) => p.routes),
    getParade: from((p) => p.parade),
    getAlertLevel: from((p) => p.alertLevel),
    listJournal: from((p) => p.entries ?? []),
    // Nothing of the live awareness belongs to a moment of the past.
    listBulletins: () => Promise.resolve([]),
    listRequests: () => Promise.resolve([]),
    listAlertAcks: () => Promise.resolve([]),
    listDesks: () => Promise.resolve([]),
  };
  return buildClient((name) => {
    const own = served[name];
    if (own) return own;
    if (REFERENCE.has(name)) return live[name] as (input: never) => Promise<unknown>;
    return refuse;
  });
}
