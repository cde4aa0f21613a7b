// The room's shared awareness as this desk reads it: the alert level, bulletins, requests, the
// room's desks and the alerts acknowledged. Read at start, again when the journal says one of them
// changed (live/apply.ts), and with every periodic refresh. A list the role may not read stays empty.
import type { VigieClient } from '../../shared/api';
import type { AlertAck, AlertLevel, Bulletin, DeskInfo, DeskRequest } from '../../shared/awareness';
import type { IncidentStatus } from '../../shared/domain';
import { pointOfRow, type IncidentPoint } from '../../shared/incident-points';
import { toApiError } from '../api';
import { may } from './can';
import type { Slice, VigieState } from './types';

export const AWARENESS_PARTS = [
  'alertLevel',
  'bulletins',
  'requests',
  'desks',
  'alertAcks',
  'priorityOne',
] as const;
export type AwarenessPart = (typeof AWARENESS_PARTS)[number];

/** The statuses in which a P1 can raise an alert: new, or short of on scene (shared/alerts.ts). */
const ALERTING: IncidentStatus[] = ['new', 'acknowledged', 'dispatched'];

export interface AwarenessSlice {
  alertLevel: AlertLevel | null;
  bulletins: Bulletin[];
  requests: DeskRequest[];
  desks: DeskInfo[];
  alertAcks: AlertAck[];
  /**
   * The P1 incidents that can raise an alert, whatever the board's filters: the alerts never depend
   * on a filter. Their points are all the alerts need (with 50,000 incidents, 500 full rows took
   * 55–160 ms of the server's thread at start, points 20 ms).
   */
  priorityOne: IncidentPoint[];
  /** Re-reads the parts named (all by default); a failure is shown like a failed refresh. */
  loadAwareness: (parts?: readonly AwarenessPart[]) => Promise<void>;
  /** Puts one changed row in place (a write's answer), ahead of the push that follows it. */
  putBulletin: (b: Bulletin) => void;
  putRequest: (r: DeskRequest) => void;
  putAlertAck: (a: AlertAck) => void;
  /**
   * This desk takes an alert: a bulletin's alert is the bulletin's own acknowledgement, any other
   * is recorded by key. False (and the error shown) when the service refused.
   */
  takeAlert: (alert: { key: string; bulletinId?: string }) => Promise<boolean>;
}

const byId = <T extends { id: string }>(rows: readonly T[], row: T): T[] => {
  const i = rows.findIndex((r) => r.id === row.id);
  return i < 0 ? [row, ...rows] : rows.map((r, j) => (j === i ? row : r));
};

export const createAwarenessSlice =
  (client: VigieClient): Slice<AwarenessSlice> =>
  (set, get) => {
    // Only the latest read of each part is applied (an earlier one that comes back late is stale).
    const seq: Record<AwarenessPart, number> = {
      alertLevel: 0,
      bulletins: 0,
      requests: 0,
      desks: 0,
      alertAcks: 0,
      priorityOne: 0,
    };
    const readers: Record<AwarenessPart, (s: VigieState) => Promise<Partial<AwarenessSlice>> | null> = {
      alertLevel: (s) =>
        may(s, 'getAlertLevel') ? client.getAlertLevel({}).then((alertLevel) => ({ alertLevel })) : null,
      bulletins: (s) =>
        may(s, 'listBulletins')
          ? client.listBulletins({ recent: true }).then((bulletins) => ({ bulletins }))
          : null,
      requests: (s) =>
        may(s, 'listRequests')
          ? client.listRequests({ closed: true }).then((requests) => ({ requests }))
          : null,
      desks: (s) => (may(s, 'listDesks') ? client.listDesks({}).then((desks) => ({ desks })) : null),
      alertAcks: (s) =>
        may(s, 'listAlertAcks') ? client.listAlertAcks({}).then((alertAcks) => ({ alertAcks })) : null,
      priorityOne: (s) =>
        may(s, 'listIncidentPoints')
          ? client
              .listIncidentPoints({ priorities: [1], statuses: ALERTING })
              .then((rows) => ({ priorityOne: rows.map(pointOfRow) }))
          : null,
    };
    return {
      alertLevel: null,
      bulletins: [],
      requests: [],
      desks: [],
      alertAcks: [],
      priorityOne: [],
      loadAwareness: async (parts = AWARENESS_PARTS) => {
        try {
          await Promise.all(
            parts.map(async (part) => {
              const mine = ++seq[part];
              const read = readers[part](get());
              if (!read) return;
              const value = await read;
              if (mine === seq[part]) set(value);
            }),
          );
        } catch (err) {
          set({ refreshError: toApiError(err).message });
        }
      },
      putBulletin: (b) => {
        seq.bulletins++;
        set({ bulletins: byId(get().bulletins, b) });
      },
      putRequest: (r) => {
        seq.requests++;
        set({ requests: byId(get().requests, r) });
      },
      putAlertAck: (a) => {
        seq.alertAcks++;
        const rest = get().alertAcks.filter((x) => x.key !== a.key || x.desk !== a.desk);
        set({ alertAcks: [...rest, a] });
      },
      takeAlert: async ({ key, bulletinId }) => {
        try {
          if (bulletinId) get().putBulletin(await client.acknowledgeBulletin({ id: bulletinId }));
          else get().putAlertAck(await client.acknowledgeAlert({ key }));
          return true;
        } catch (err) {
          get().showError(toApiError(err).message);
          return false;
        }
      },
    };
  };
