// Operational data read from the API: loaded once at start, units and incidents (the board's
// query) refreshed periodically. Writes go through the API and replace the row with what the
// service returned.
import type { VigieClient } from '../../shared/api';
import { toApiError } from '../api';
import { boardPageInput } from './board';
import { may } from './can';
import { reconcileById, replaceById } from './reconcile';
import type { Unit } from '../../shared/domain';
import type { DataSlice, Slice } from './types';
import { setThresholds } from '../incidents/overdue';
import { pushedMove, reloadsFor, type PushedMove } from '../live/apply';
import { openLiveStream } from '../live/stream';
import { AWARENESS_PARTS } from './awareness-slice';
import { coalesced } from './coalesce';
import { applyMoves, keepMoved } from './unit-moves';

/** Polling ticks between two full reads when the journal has not moved. */
const FULL_EVERY = 12;
/** The shortest gap between two reads of the units while changes stream in. */
const UNITS_GAP_MS = 250;
/**
 * Pushed moves are applied together at most this often: a gateway's moves come a few per pushed
 * batch, hundreds a second, and each application redraws the map (two or three WebGL frames, each
 * a long one on a CPU renderer); once a second is a tracker's own pace.
 */
export const MOVES_GAP_MS = 1000;

export const createDataSlice =
  (client: VigieClient): Slice<DataSlice> =>
  (set, get) => {
    // Only the latest units read is applied (a read that left before a write is stale).
    let unitsSeq = 0;
    // For each units read on its way, the rows pushed moves changed since it left.
    const reading = new Set<Map<string, Unit>>();
    const readUnits = async () => {
      const seq = ++unitsSeq;
      const movedSince = new Map<string, Unit>();
      reading.add(movedSince);
      try {
        const units = keepMoved(await client.listUnits({}), movedSince);
        if (seq === unitsSeq) set({ units: reconcileById(get().units, units) });
      } finally {
        reading.delete(movedSince);
      }
    };
    // Changes to units other than moves ask for the units by the batch: merged, at most four reads a second.
    const loadUnits = coalesced(readUnits, UNITS_GAP_MS);

    let queued: PushedMove[] = [];
    let flush: ReturnType<typeof setTimeout> | null = null;
    const applyQueued = () => {
      flush = null;
      const moves = queued;
      queued = [];
      const r = applyMoves(get().units, moves);
      for (const m of reading) for (const [id, u] of r.moved) m.set(id, u);
      if (r.units !== get().units) set({ units: r.units });
      if (r.reread) void loadUnits().catch((err) => set({ refreshError: toApiError(err).message }));
    };
    // The first read of the points, held until the map can draw them (setMapWaiting).
    let pointsHeld = false;
    const queueMoves = (moves: PushedMove[]) => {
      if (!moves.length) return;
      queued.push(...moves);
      flush ??= setTimeout(applyQueued, MOVES_GAP_MS);
    };
    return {
      loadState: 'idle',
      loadError: null,
      refreshError: null,
      units: [],
      incidentPoints: [],
      mapWaiting: false,
      venues: [],
      routes: [],
      zones: [],
      contingents: [],
      live: { connected: false, room: { state: 'ok', since: null } },

      setMapWaiting: (waiting) => {
        set({ mapWaiting: waiting });
        if (waiting || !pointsHeld) return;
        pointsHeld = false;
        void get().loadIncidentPoints();
      },

      loadAll: async () => {
        set({ loadState: 'loading', loadError: null });
        try {
          const [session, units, board, venues, routes, zones, contingents, settings] = await Promise.all([
            client.getSession({}),
            client.listUnits({}),
            // The board's first page only: the console is ready before every incident is read.
            client.listIncidentPage(boardPageInput(get().boardFilters, null)),
            client.listVenues({}),
            client.listRoutes({}),
            client.listZones({}),
            client.listContingents({}),
            client.getSettings({}),
          ]);
          setThresholds(settings.overdue);
          set({
            session,
            units,
            boardRows: board.rows,
            boardTotal: board.total,
            boardNext: board.next,
            venues,
            routes,
            zones,
            contingents,
            loadState: 'ready',
          });
          // Every matching incident's point, for the map and the panels that look one up, once the
          // desk is up and the map can draw them (should it never draw, the periodic full read
          // brings them).
          if (get().mapWaiting) pointsHeld = true;
          else void get().loadIncidentPoints();
          // After the session is in place: what the role may read decides what is asked for.
          void get().loadAwareness();
        } catch (err) {
          set({ loadState: 'failed', loadError: toApiError(err).message });
        }
      },

      refresh: async () => {
        try {
          // The board and the pane record their own failures; the units read reports the link.
          // Settings ride along so another desk's change of overdue thresholds shows here too.
          const [, boardOk, settings] = await Promise.all([
            loadUnits(),
            get().loadIncidents(),
            client.getSettings({}),
            get().loadDetail(),
            get().loadAwareness(),
          ]);
          setThresholds(settings.overdue);
          if (boardOk) set({ refreshError: null });
        } catch (err) {
          set({ refreshError: toApiError(err).message });
        }
      },

      startPolling: (intervalMs) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let stopped = false;
        // Every change to the data is a journal entry: while the journal's head stays where it was,
        // nothing needs re-reading (a board of 50,000 incidents is not re-sent every 5 s). A full
        // read still runs every FULL_EVERY ticks, for what moves with time alone (stale positions).
        let head: number | null = null;
        let ticks = 0;
        const changed = async () => {
          const latest = (await client.listJournal({ limit: 1 }))[0]?.seq ?? 0;
          const moved = latest !== head;
          head = latest;
          return moved;
        };
        const tick = async () => {
          // A desktop app in a room: whether the room answers, and how old the desk's copy is; and
          // while the server still checks the journal's older entries, whether it found a break.
          const session = get().session;
          if (session?.room || session?.journalCheckComplete === false)
            await client.getSession({}).then(
              (session) => set({ session }),
              () => {},
            );
          if (get().loadState === 'ready') {
            ticks = (ticks + 1) % FULL_EVERY;
            // While the live feed is up it brings every change; only the full read remains.
            const live = get().live.connected;
            // A role that may not read the journal (liaison, observer, wall) reads everything instead.
            const due =
              ticks === 0 || (!live && (!may(get(), 'listJournal') || (await changed().catch(() => true))));
            if (due) await get().refresh();
          }
          if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
        };
        timer = setTimeout(() => void tick(), intervalMs);
        return () => {
          stopped = true;
          clearTimeout(timer);
        };
      },

      startLive: () =>
        openLiveStream({
          entries: (entries) => void get().applyJournal(entries),
          reload: () => void get().refresh(),
          status: (connected, room) => set({ live: { connected, room } }),
        }),

      applyJournal: async (entries) => {
        queueMoves(entries.flatMap((e) => pushedMove(e) ?? []));
        const r = reloadsFor(entries);
        if (r.has('everything')) return get().refresh();
        try {
          await Promise.all([
            r.has('units') ? loadUnits() : null,
            r.has('incidents') ? Promise.all([get().loadIncidents(), get().loadDetail()]) : null,
            r.has('zones') ? client.listZones({}).then((zones) => set({ zones })) : null,
            r.has('contingents')
              ? client.listContingents({}).then((contingents) => set({ contingents }))
              : null,
            r.has('settings') ? client.getSettings({}).then((s) => setThresholds(s.overdue)) : null,
            get().loadAwareness(AWARENESS_PARTS.filter((p) => r.has(p))),
            r.has('exercise')
              ? client.getSession({}).then((session) => set({ session, exerciseSeq: get().exerciseSeq + 1 }))
              : null,
          ]);
        } catch (err) {
          set({ refreshError: toApiError(err).message });
        }
      },

      setUnitStatus: async (id, status) => {
        const unit = get().units.find((u) => u.id === id);
        if (!unit) return false;
        try {
          const updated = await client.setUnitStatus({ id, status, version: unit.version });
          unitsSeq++;
          set({ units: replaceById(get().units, updated), toast: null });
          return true;
        } catch (err) {
          const e = toApiError(err);
          get().showError(e.message);
          // A conflict means someone else changed the unit: show the row as it is now.
          if (e.code === 'conflict') void get().refresh();
          return false;
        }
      },
    };
  };
