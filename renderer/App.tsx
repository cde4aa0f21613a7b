// The console: top bar (and journal alarm), the map, the incident pane (when an incident or a form
// is open), the side panel. Before anyone signs in, only the sign-in screen (every call but the
// session needs an operator; at /wall, the wall's). Once signed in it loads everything and keeps it
// current (state/use-feed.ts). A new operator on the desk (a sign-in from the lock screen, a
// handover) reads everything again: what they may see can differ. An operator whose role is 'wall'
// gets the wall screen instead (renderer/wall/).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertBanners } from './alerts/AlertBanners';
import { ErrorToast } from './common/ErrorToast';
import { useDocumentTheme } from './common/ThemeChoice';
import { LoadStatus } from './common/LoadStatus';
import { useShortcuts } from './common/use-shortcuts';
import { IncidentPane } from './incidents/IncidentPane';
import { onSessionEnded } from './lock/client';
import { MapView } from './map/LazyMapView';
import { SidePanel } from './panels/SidePanel';
import { SignInScreen } from './signin/SignInScreen';
import { usePane, useSession, useStoreApi, useVigie } from './state/hooks';
import { JournalAlarm } from './topbar/JournalAlarm';
import { RoomAlarm } from './topbar/RoomAlarm';
import { TopBar } from './topbar/TopBar';
import { UnitsOverlays } from './units/Overlays';
import { useUnitsView } from './units/view-store';
import { useFeed } from './state/use-feed';
import { WallScreen } from './wall/WallScreen';
import { ReplayScreen } from './replay/ReplayScreen';
import { useReplay } from './replay/replay-store';

export { REFRESH_MS } from './state/use-feed';

export function App() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const session = useSession();
  const sessionError = useVigie((s) => s.sessionError);
  const operatorId = session?.operator?.id ?? null;
  const theme = useVigie((s) => s.mapTheme);
  useDocumentTheme(session?.operator?.role === 'wall' ? 'dark' : theme);

  useEffect(() => {
    void store.getState().loadSession();
    return onSessionEnded((message) => store.getState().sessionEnded(message));
  }, [store]);
  // Whoever comes next starts with no dialog of the previous operator open.
  useEffect(() => {
    if (!operatorId) useUnitsView.getState().open(null);
    // A replay is the operator's own: whoever comes next starts on the live picture.
    useReplay.getState().close();
  }, [operatorId]);

  if (!session)
    return (
      <div className="load-status" role="status" data-testid="load-status">
        {sessionError ? (
          <>
            <p>{t('app.loadFailed', { message: sessionError })}</p>
            <button type="button" className="btn-primary" onClick={() => void store.getState().loadSession()}>
              {t('app.retry')}
            </button>
          </>
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </div>
    );
  if (!operatorId) return <SignInScreen />;
  if (session.operator?.role === 'wall') return <WallScreen operatorId={operatorId} />;
  return <Console operatorId={operatorId} />;
}

function Console({ operatorId }: { operatorId: string }) {
  const store = useStoreApi();
  const pane = usePane();
  // During a replay the keys act on what is shown: the replay's store, where nothing can be created.
  const replayStore = useReplay((s) => s.store);
  useShortcuts(replayStore ?? store);
  // The live feed keeps the live store current during a replay: leaving it shows the present at once.
  useFeed(operatorId);
  if (replayStore) return <ReplayScreen />;

  return (
    <div className="app">
      <TopBar />
      <JournalAlarm />
      <RoomAlarm />
      <AlertBanners />
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
