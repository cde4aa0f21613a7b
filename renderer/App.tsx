// The console: top bar (and journal alarm), the map, the incident pane (when an incident or a form
// is open), the side panel. Loads everything at start and refreshes units, the incident board and
// the open incident every 5 seconds.
import { useEffect } from 'react';
import { ErrorToast } from './common/ErrorToast';
import { LoadStatus } from './common/LoadStatus';
import { useShortcuts } from './common/use-shortcuts';
import { IncidentPane } from './incidents/IncidentPane';
import { MapView } from './map/MapView';
import { SidePanel } from './panels/SidePanel';
import { usePane, useStoreApi } from './state/hooks';
import { JournalAlarm } from './topbar/JournalAlarm';
import { TopBar } from './topbar/TopBar';
import { UnitsOverlays } from './units/Overlays';

export const REFRESH_MS = 5000;

export function App() {
  const store = useStoreApi();
  const pane = usePane();
  useShortcuts(store);

  useEffect(() => {
    void store.getState().loadAll();
    return store.getState().startPolling(REFRESH_MS);
  }, [store]);

  return (
    <div className="app">
      <TopBar />
      <JournalAlarm />
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
