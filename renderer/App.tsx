// The console: top bar (and journal alarm), the map, the side panel. Loads everything at start and
// refreshes units and incidents every 5 seconds.
import { useEffect } from 'react';
import { ErrorToast } from './common/ErrorToast';
import { LoadStatus } from './common/LoadStatus';
import { MapView } from './map/MapView';
import { SidePanel } from './panels/SidePanel';
import { useStoreApi } from './state/hooks';
import { JournalAlarm } from './topbar/JournalAlarm';
import { TopBar } from './topbar/TopBar';

export const REFRESH_MS = 5000;

export function App() {
  const store = useStoreApi();

  useEffect(() => {
    void store.getState().loadAll();
    return store.getState().startPolling(REFRESH_MS);
  }, [store]);

  return (
    <div className="app">
      <TopBar />
      <JournalAlarm />
      <main className="workspace">
        <MapView />
        <SidePanel />
        <LoadStatus />
      </main>
      <ErrorToast />
    </div>
  );
}
