// What keeps a signed-in screen current (the console and the wall): everything read once for the
// operator (again when a new operator takes the desk: what they may see can differ), then the
// live feed brings each change as it is committed on any desk, and polling every 5 seconds stands
// in while the feed is down.
import { useEffect } from 'react';
import { useStoreApi } from './hooks';

export const REFRESH_MS = 5000;

export function useFeed(operatorId: string): void {
  const store = useStoreApi();
  useEffect(() => {
    const stopPolling = store.getState().startPolling(REFRESH_MS);
    const stopLive = store.getState().startLive();
    return () => {
      stopLive();
      stopPolling();
    };
  }, [store]);
  useEffect(() => {
    void store.getState().loadAll();
  }, [store, operatorId]);
}
