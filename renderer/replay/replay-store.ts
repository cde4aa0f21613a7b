// Replay mode: which moment is shown, playing or not, and the console's second store that the
// map and lists read while it is on (their own store, fed by the replay client: the live store
// keeps receiving the live feed underneath and is shown again, as it is, on leaving).
import { create } from 'zustand';
import i18next from 'i18next';
import type { VigieClient } from '../../shared/api';
import type { ReplayPicture, ReplayRange } from '../../shared/api/replay';
import { toApiError } from '../api';
import { createVigieStore, type VigieStore } from '../state/store';
import { replayClient } from './replay-client';

export const SPEEDS = [1, 10, 60] as const;
export type Speed = (typeof SPEEDS)[number];
/** How often play moves the moment on (each step asks the server for the picture). */
export const TICK_MS = 1000;

interface ReplayState {
  active: boolean;
  backup: string | null;
  range: { first: number; last: number } | null;
  /** The moment asked for (ms), and the picture shown (of that moment once it has arrived). */
  at: number;
  picture: ReplayPicture | null;
  playing: boolean;
  speed: Speed;
  error: string | null;
  store: VigieStore | null;
  open: (live: VigieClient, backup?: string | null) => Promise<void>;
  seek: (at: number) => void;
  play: () => void;
  pause: () => void;
  setSpeed: (speed: Speed) => void;
  close: () => void;
}

export const useReplay = create<ReplayState>()((set, get) => {
  let client: VigieClient | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  // One request at a time; a seek made meanwhile is asked for once it is answered (the latest wins).
  let inFlight = false;
  let wanted: number | null = null;
  let generation = 0;

  const fetchPicture = async (at: number) => {
    const mine = generation;
    const { backup, store } = get();
    if (!client || !store) return;
    inFlight = true;
    try {
      const first = get().picture === null;
      const picture = await client.replayAt({
        at: new Date(at).toISOString(),
        ...(backup ? { backup } : {}),
      });
      if (mine !== generation) return;
      set({ picture, error: null });
      await (first ? store.getState().loadAll() : store.getState().refresh());
    } catch (err) {
      if (mine === generation) set({ error: toApiError(err).message, playing: false });
    } finally {
      if (mine === generation) {
        inFlight = false;
        const next = wanted;
        wanted = null;
        if (next !== null) void fetchPicture(next);
      }
    }
  };
  const request = (at: number) => {
    if (inFlight) wanted = at;
    else void fetchPicture(at);
  };
  const stopTimer = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };

  return {
    active: false,
    backup: null,
    range: null,
    at: 0,
    picture: null,
    playing: false,
    speed: 1,
    error: null,
    store: null,
    open: async (live, backup = null) => {
      get().close();
      client = live;
      const mine = ++generation;
      const readOnly = () => i18next.t('replay.readOnly');
      const store = createVigieStore(replayClient(live, () => get().picture, readOnly));
      set({ active: true, backup, store, picture: null, error: null, playing: false, range: null });
      try {
        const range: ReplayRange = await live.replayRange(backup ? { backup } : {});
        if (mine !== generation) return;
        if (!range.first || !range.last) {
          set({ error: i18next.t('replay.empty') });
          return;
        }
        const bounds = { first: Date.parse(range.first), last: Date.parse(range.last) };
        set({ range: bounds, at: bounds.last });
        request(bounds.last);
      } catch (err) {
        if (mine === generation) set({ error: toApiError(err).message });
      }
    },
    seek: (at) => {
      const range = get().range;
      if (!range) return;
      const clamped = Math.min(range.last, Math.max(range.first, at));
      set({ at: clamped });
      request(clamped);
    },
    play: () => {
      stopTimer();
      const range = get().range;
      if (!range) return;
      if (get().at >= range.last) get().seek(range.first);
      set({ playing: true });
      timer = setInterval(() => {
        const { at, speed, range: r } = get();
        if (!r) return;
        const next = Math.min(r.last, at + speed * TICK_MS);
        get().seek(next);
        if (next >= r.last) get().pause();
      }, TICK_MS);
    },
    pause: () => {
      stopTimer();
      set({ playing: false });
    },
    setSpeed: (speed) => set({ speed }),
    close: () => {
      stopTimer();
      generation++;
      inFlight = false;
      wanted = null;
      client = null;
      set({
        active: false,
        backup: null,
        store: null,
        picture: null,
        playing: false,
        range: null,
        error: null,
      });
    },
  };
});
