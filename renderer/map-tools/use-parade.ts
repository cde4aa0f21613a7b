// The parade tracker's data: getParade on load, every 30 s and after each write (`reload`). The
// parade's state is then computed here, locally, with shared/parade.ts at the tracker's time (now on
// the operation clock, or the slider's time while it is away from now): moving the slider makes no
// server call. The column is handed to the map through the store.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ParadeView } from '../../shared/api/map';
import { paradeState, type ParadeState, type RouteLine } from '../../shared/parade';
import { toApiError } from '../api';
import type { ParadeDraw } from '../map/layers/parade';
import { useRoutes, useStoreApi } from '../state/hooks';
import { mapClient } from './client';

export const PARADE_REFRESH_MS = 30_000;

export interface Parade {
  view: ParadeView | null;
  error: string | null;
  /** The state at `at` (null without a plan or a route). */
  state: ParadeState | null;
  route: RouteLine | null;
  reload: () => void;
}

function sameDraw(a: ParadeDraw | null, b: ParadeDraw | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.head[0] === b.head[0] &&
    a.head[1] === b.head[1] &&
    a.tail[0] === b.tail[0] &&
    a.tail[1] === b.tail[1] &&
    a.column.length === b.column.length &&
    a.headLabel === b.headLabel &&
    a.tailLabel === b.tailLabel
  );
}

export function useParade(at: number, labels: { head: string; tail: string }): Parade {
  const store = useStoreApi();
  const routes = useRoutes();
  const [view, setView] = useState<ParadeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seq, setSeq] = useState(0);
  const reload = useCallback(() => setSeq((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    const load = () =>
      mapClient()
        .getParade({})
        .then((v) => {
          if (!live) return;
          setView(v);
          setError(null);
        })
        .catch((err: unknown) => live && setError(toApiError(err).message));
    void load();
    const timer = setInterval(() => void load(), PARADE_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [seq]);

  const routeId = view?.plan?.routeId ?? view?.route?.id;
  const route = useMemo<RouteLine | null>(() => {
    const r = routes.find((x) => x.id === routeId);
    return r ? { coordinates: r.coordinates, bridges: r.bridges } : null;
  }, [routes, routeId]);
  const fixes = useMemo(
    () => (view?.actuals ?? []).map((a) => ({ chainageKm: a.chainageKm, atMs: Date.parse(a.at) })),
    [view],
  );
  const plan = view?.plan ?? null;
  const state = useMemo(
    () => (plan && route ? paradeState(plan, route, at, fixes) : null),
    [plan, route, at, fixes],
  );

  useEffect(() => {
    const draw: ParadeDraw | null = state
      ? {
          column: state.column,
          head: [state.head.lon, state.head.lat],
          tail: [state.tail.lon, state.tail.lat],
          headLabel: labels.head,
          tailLabel: labels.tail,
        }
      : null;
    // The same column (a parade not yet started, or held) is not handed to the map again.
    if (!sameDraw(store.getState().paradeDraw, draw)) store.getState().setParadeDraw(draw);
  }, [store, state, labels.head, labels.tail]);
  useEffect(() => () => store.getState().setParadeDraw(null), [store]);

  return { view, error, state, route, reload };
}
