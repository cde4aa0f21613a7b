// The console: top bar (and journal alarm), the map, the incident pane (when an incident or a form
// is open), the side panel. Loads everything at start; then the live feed brings each change as it
// is committed on any desk, and polling every 5 seconds stands in while the feed is down.
import { useEffect } from 'react';
import { ErrorToast } from './common/ErrorToast';
import { LoadStatus } from './common/LoadStatus';
import { useShortcuts } from './common/use-shortcuts';
import { IncidentPane } from './incidents/IncidentPane';
import { MapView } from './map/MapView';
import { SidePanel } from './panels/SidePanel';
import { usePane, useStoreApi } from './state/hooks';
import { JournalAlarm } from './topbar/JournalAlarm';
import { RoomAlarm } from './topbar/RoomAlarm';
import { TopBar } from './topbar/TopBar';
import { UnitsOverlays } from './units/Overlays';

export const REFRESH_MS = 5000;

export function App() {
  const store = useStoreApi();
  const pane = usePane();
  useShortcuts(store);

  useEffect(() => {
    void store.getState().loadAll();
    const stopPolling = store.getState().startPolling(REFRESH_MS);
    const stopLive = store.getState().startLive();
    return () => {
      stopLive();
      stopPolling();
    };
  }, [store]);

  return (
    <div className="app">
      <TopBar />
      <JournalAlarm />
      <RoomAlarm />
      <main className={pane ? 'workspace with-pane' : 'workspace'}>
        <MapView />
        <IncidentPane />
        <SidePanel />
        <LoadStatus />
      </main>
      <ErrorToast />
      <UnitsOverlays />
    </div>
  );
}
