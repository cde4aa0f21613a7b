// Incident work: the board's filters and query, the incident pane (detail, create and edit forms),
// "pick on map", and every incident write. A write puts the row it got back on the board and in
// the pane at once, then re-reads the rest (units that followed, timeline). A stale write is never
// retried silently: the conflict is kept with the row as this desk had it and as it is now.
import type { VigieClient } from '../../shared/api';
import type { Incident, IncidentRow } from '../../shared/domain';
import { toApiError } from '../api';
import { BOARD_PAGE_MAX } from '../../shared/api/incidents';
import { pointOfRow } from '../../shared/incident-points';
import {
  BOARD_PAGE,
  EMPTY_FILTERS,
  appendPage,
  assignedIn,
  boardInput,
  boardPageInput,
  rowPoint,
  samePoint,
  sameRow,
  upsertLoadedRow,
  upsertRow,
} from './board';
import { reconcileById, replaceById } from './reconcile';
import type { IncidentSlice, PendingWrite, Slice } from './types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The `current` of a conflict is an incident (and not a unit or a reassignment question). */
const isIncident = (v: unknown): v is Incident =>
  isRecord(v) &&
  typeof v.id === 'string' &&
  typeof v.reference === 'string' &&
  typeof v.version === 'number' &&
  typeof v.status === 'string';

const isUnit = (v: unknown): v is { id: string; callsign: string; version: number } =>
  isRecord(v) && typeof v.id === 'string' && typeof v.callsign === 'string' && typeof v.version === 'number';

export const createIncidentSlice =
  (client: VigieClient): Slice<IncidentSlice> =>
  (set, get) => {
    // Only the latest read of the board and of the detail is applied: a read that left before a
    // write would otherwise bring the old row back.
    let boardSeq = 0;
    let pointsSeq = 0;
    let detailSeq = 0;
    // A further page on its way (only one at a time).
    let more: Promise<void> | null = null;
    // How many rows the board holds as far as it was scrolled: a re-read reads as many. New filters
    // start again from the first page, whatever read is still on its way.
    let depth = BOARD_PAGE;
    // Where the create form was opened from, to go back there on Escape.
    let returnTo: string | null = null;

    const paneId = (): string | null => {
      const p = get().pane;
      return p && p.kind !== 'create' ? p.id : null;
    };

    /** The board's row of an incident, if the loaded pages hold it. */
    const boardRow = (id: string): IncidentRow | null => get().boardRows.find((r) => r.id === id) ?? null;

    const assignedTo = (id: string) => assignedIn(get().boardRows, get().detail, id);

    /** The incident in the pane, as fresh as this desk knows it. */
    const paneIncident = (): Incident | null => {
      const id = paneId();
      if (!id) return null;
      const s = get();
      const fromDetail = s.detail?.incident.id === id ? s.detail.incident : null;
      const fromBoard = boardRow(id);
      if (fromDetail && fromBoard) return fromBoard.version > fromDetail.version ? fromBoard : fromDetail;
      return fromDetail ?? fromBoard;
    };

    /** Puts an incident the service returned on the board, on the map and in the pane. */
    const applyIncident = (incident: Incident, assigned?: IncidentRow['assigned']) => {
      const s = get();
      const known = assigned ?? assignedTo(incident.id);
      const row: IncidentRow = { ...incident, assigned: known ?? [] };
      const point = rowPoint(row);
      // Neither the board's pages nor the pane hold it: the point keeps the units it had.
      if (!known) point.unitIds = s.incidentPoints.find((p) => p.id === incident.id)?.unitIds ?? [];
      const detail =
        s.detail && s.detail.incident.id === incident.id && s.detail.incident.version <= incident.version
          ? { ...s.detail, incident }
          : s.detail;
      set({
        incidentPoints: upsertRow(s.incidentPoints, point, s.boardFilters),
        boardRows: upsertLoadedRow(s.boardRows, row, s.boardFilters, s.boardNext !== null),
        detail,
      });
    };

    /** Handles a refused write; returns the error for callers that look further. */
    const fail = (err: unknown, yours: Incident | null, pending: PendingWrite | null) => {
      const e = toApiError(err);
      if (e.code === 'conflict' && yours && isIncident(e.current)) {
        set({ conflict: { message: e.message, yours, current: e.current, pending } });
        applyIncident(e.current);
      } else {
        get().showError(e.message);
      }
      return e;
    };

    const afterWrite = () => void get().refresh();

    return {
      boardFilters: EMPTY_FILTERS,
      boardLoading: false,
      boardRows: [],
      boardTotal: 0,
      boardNext: null,
      pane: null,
      detail: null,
      detailError: null,
      conflict: null,
      picking: false,
      draftPoint: null,

      setBoardFilters: (patch) => {
        set({ boardFilters: { ...get().boardFilters, ...patch } });
        depth = BOARD_PAGE;
        void get().loadIncidents();
      },
      clearBoardFilters: () => {
        set({ boardFilters: { ...EMPTY_FILTERS, showClosed: get().boardFilters.showClosed } });
        depth = BOARD_PAGE;
        void get().loadIncidents();
      },

      loadIncidents: async () => {
        const [board, points] = await Promise.all([get().loadBoard(), get().loadIncidentPoints()]);
        return board && points;
      },

      loadBoard: async () => {
        const seq = ++boardSeq;
        set({ boardLoading: true });
        try {
          // As many rows as the officer has scrolled through, a page or more at a time.
          const want = depth;
          const filters = get().boardFilters;
          let page = await client.listIncidentPage(
            boardPageInput(filters, null, Math.min(want, BOARD_PAGE_MAX)),
          );
          let rows = page.rows;
          while (page.next && rows.length < want && seq === boardSeq) {
            const limit = Math.min(want - rows.length, BOARD_PAGE_MAX);
            page = await client.listIncidentPage(boardPageInput(filters, page.next, limit));
            rows = appendPage(rows, page.rows);
          }
          if (seq !== boardSeq) return true;
          set({
            boardRows: reconcileById(get().boardRows, rows, sameRow),
            boardTotal: page.total,
            boardNext: page.next,
            boardLoading: false,
          });
          return true;
        } catch (err) {
          if (seq === boardSeq) set({ boardLoading: false, refreshError: toApiError(err).message });
          return false;
        }
      },

      loadIncidentPoints: async () => {
        const seq = ++pointsSeq;
        try {
          const rows = await client.listIncidentPoints(boardInput(get().boardFilters));
          if (seq !== pointsSeq) return true;
          const points = rows.map(pointOfRow);
          set({ incidentPoints: reconcileById(get().incidentPoints, points, samePoint) });
          return true;
        } catch (err) {
          if (seq === pointsSeq) set({ refreshError: toApiError(err).message });
          return false;
        }
      },

      loadMoreIncidents: () => {
        const after = get().boardNext;
        if (!after || more) return more ?? Promise.resolve();
        const seq = boardSeq;
        more = client
          .listIncidentPage(boardPageInput(get().boardFilters, after))
          .then(
            (page) => {
              // A re-read or a change of filters since: this page belongs to another board.
              if (seq !== boardSeq || get().boardNext !== after) return;
              const boardRows = appendPage(get().boardRows, page.rows);
              depth = Math.max(depth, boardRows.length);
              set({ boardRows, boardTotal: page.total, boardNext: page.next });
            },
            (err: unknown) => set({ refreshError: toApiError(err).message }),
          )
          .finally(() => {
            more = null;
          });
        return more;
      },

      openIncident: (id) => {
        const same = paneId() === id;
        set({
          pane: { kind: 'incident', id },
          detail: same ? get().detail : null,
          detailError: null,
          conflict: same ? get().conflict : null,
          picking: false,
          draftPoint: null,
        });
        void get().loadDetail();
      },
      closePane: () => {
        const sel = get().selection;
        set({
          pane: null,
          detail: null,
          detailError: null,
          conflict: null,
          picking: false,
          draftPoint: null,
        });
        if (sel?.kind === 'incident') get().clearSelection();
      },
      openCreate: () => {
        const p = get().pane;
        if (p?.kind === 'create') return;
        returnTo = p?.kind === 'incident' ? p.id : null;
        set({ pane: { kind: 'create' }, conflict: null, picking: false, draftPoint: null });
      },
      openEdit: () => {
        const id = paneId();
        if (!id) return;
        returnTo = id;
        set({ pane: { kind: 'edit', id }, conflict: null, picking: false, draftPoint: null });
      },
      closeForm: () => {
        set({ picking: false, draftPoint: null, conflict: null });
        if (returnTo) get().openIncident(returnTo);
        else set({ pane: null });
        returnTo = null;
      },

      loadDetail: async () => {
        const id = paneId();
        if (!id) return;
        const seq = ++detailSeq;
        try {
          const detail = await client.getIncident({ id });
          if (seq !== detailSeq || paneId() !== id) return;
          set({ detail, detailError: null });
        } catch (err) {
          if (seq !== detailSeq || paneId() !== id) return;
          set({ detailError: toApiError(err).message });
        }
      },

      setPicking: (picking) => set({ picking }),
      setDraftPoint: (draftPoint) => set({ draftPoint }),

      createIncident: async (input) => {
        try {
          const created = await client.createIncident(input);
          returnTo = null;
          set({ pane: { kind: 'incident', id: created.id }, detail: null, picking: false, draftPoint: null });
          applyIncident(created, []);
          get().select('incident', created.id, 'panel');
          afterWrite();
          return created;
        } catch (err) {
          fail(err, null, null);
          return null;
        }
      },

      updateIncident: async (base, patch) => {
        try {
          const updated = await client.updateIncident({ id: base.id, version: base.version, ...patch });
          set({ conflict: null });
          applyIncident(updated);
          afterWrite();
          return true;
        } catch (err) {
          fail(err, base, { kind: 'update', patch });
          return false;
        }
      },

      transitionIncident: async (action, reason, base) => {
        const incident = base ?? paneIncident();
        if (!incident) return false;
        try {
          const input = { id: incident.id, version: incident.version, action, ...(reason ? { reason } : {}) };
          const updated = await client.transitionIncident(input);
          set({ conflict: null });
          applyIncident(updated);
          afterWrite();
          return true;
        } catch (err) {
          fail(err, incident, { kind: 'transition', action, ...(reason ? { reason } : {}) });
          return false;
        }
      },

      addNote: async (text) => {
        const incident = paneIncident();
        if (!incident) return false;
        try {
          const note = await client.addIncidentNote({ incidentId: incident.id, text });
          const d = get().detail;
          if (d?.incident.id === incident.id) set({ detail: { ...d, notes: [...d.notes, note] } });
          afterWrite();
          return true;
        } catch (err) {
          fail(err, null, null);
          return false;
        }
      },

      assignUnit: async (unitId, confirmReassign = false, confirmRest = false) => {
        const incident = paneIncident();
        if (!incident) return { ok: false, needsConfirmation: false, restDue: null };
        try {
          const r = await client.assignUnit({
            incidentId: incident.id,
            unitId,
            confirmReassign,
            confirmRest,
          });
          const s = get();
          const assigned = [
            ...(assignedTo(incident.id) ?? []).filter((a) => a.unitId !== unitId),
            { unitId, callsign: r.unit.callsign, country: r.unit.country },
          ];
          set({ units: replaceById(s.units, r.unit) });
          applyIncident(r.incident, assigned);
          afterWrite();
          return { ok: true };
        } catch (err) {
          const e = toApiError(err);
          if (e.code === 'conflict' && isRecord(e.current) && e.current.needsConfirmation === true) {
            const reference = typeof e.current.reference === 'string' ? e.current.reference : null;
            return { ok: false, needsConfirmation: true, reference };
          }
          if (e.code === 'conflict' && isRecord(e.current) && e.current.needsRestConfirmation === true) {
            const restDue = typeof e.current.restDue === 'string' ? e.current.restDue : '';
            return { ok: false, needsConfirmation: false, restDue };
          }
          // An off-duty or out-of-service unit: show it as it is now.
          if (e.code === 'conflict' && isUnit(e.current)) void get().refresh();
          fail(e, null, null);
          return { ok: false, needsConfirmation: false, restDue: null };
        }
      },

      releaseUnit: async (unitId) => {
        const incident = paneIncident();
        if (!incident) return false;
        try {
          const unit = await client.releaseUnit({ incidentId: incident.id, unitId });
          const s = get();
          const assigned = assignedTo(incident.id);
          set({ units: replaceById(s.units, unit) });
          if (assigned)
            applyIncident(
              incident,
              assigned.filter((a) => a.unitId !== unitId),
            );
          afterWrite();
          return true;
        } catch (err) {
          fail(err, null, null);
          return false;
        }
      },

      reloadAfterConflict: () => {
        set({ conflict: null });
        afterWrite();
      },

      retryAfterConflict: async () => {
        const c = get().conflict;
        if (!c?.pending) return false;
        set({ conflict: null });
        if (c.pending.kind === 'update') return get().updateIncident(c.current, c.pending.patch);
        return get().transitionIncident(c.pending.action, c.pending.reason);
      },
    };
  };
