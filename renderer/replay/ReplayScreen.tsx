// Replay mode: the console as it was at a moment of the operation. A REPLAY banner with the moment,
// the slider over the operation's range, play at 1×, 10× or 60×, and the map and lists drawn from
// the replay's own store (renderer/replay/replay-store.ts); the journal entries of that minute
// beside them. Nothing here writes: the replay store's session reads as the wall's, so the views
// hide every control that would change something, and its client refuses any write anyway.
import { useTranslation } from 'react-i18next';
import { formatClock, formatDayMonth } from '../../shared/time-format';
import { ErrorToast } from '../common/ErrorToast';
import { LoadStatus } from '../common/LoadStatus';
import { IncidentPane } from '../incidents/IncidentPane';
import { MapView } from '../map/LazyMapView';
import { SidePanel } from '../panels/SidePanel';
import { StoreContext } from '../state/context';
import { usePane, useSession } from '../state/hooks';
import { LanguageSwitch } from '../topbar/LanguageSwitch';
import { ReplayEntries } from './ReplayEntries';
import { SPEEDS, useReplay } from './replay-store';

// Seconds, not minutes: a short operation's range may be shorter than one step.
const SECOND = 1000;

export function ReplayScreen() {
  const store = useReplay((s) => s.store);
  return (
    <div className="app replay-mode" data-testid="replay">
      <ReplayBar />
      {store && (
        <StoreContext value={store}>
          <ReplayBody />
        </StoreContext>
      )}
    </div>
  );
}

function ReplayBody() {
  const pane = usePane();
  return (
    <div className="replay-body">
      <main className={pane ? 'workspace with-pane' : 'workspace'}>
        <MapView />
        <IncidentPane />
        <SidePanel />
        <LoadStatus />
      </main>
      <ReplayEntries />
      <ErrorToast />
    </div>
  );
}

function ReplayBar() {
  const { t } = useTranslation();
  const zone = useSession()?.operation?.timezone ?? 'UTC';
  const { range, at, picture, playing, speed, error, backup } = useReplay();
  const { seek, play, pause, setSpeed, close } = useReplay.getState();
  const when = (ms: number) => `${formatDayMonth(ms, zone)} ${formatClock(ms, zone)}`;
  return (
    <header className="replay-bar">
      <div className="replay-banner" role="status" data-testid="replay-banner">
        <strong>{t('replay.banner')}</strong>
        <time dateTime={new Date(at).toISOString()} data-testid="replay-time">
          {range ? when(at) : t('replay.loading')}
        </time>
        {backup && <span className="replay-source">{t('replay.fromBackup', { file: backup })}</span>}
        {picture && picture.at !== new Date(at).toISOString() && (
          <span className="replay-pending">{t('replay.catchingUp')}</span>
        )}
      </div>
      <div className="replay-controls">
        <button
          type="button"
          className="btn-primary"
          data-testid="replay-play"
          disabled={!range}
          onClick={() => (playing ? pause() : play())}
        >
          {playing ? t('replay.pause') : t('replay.play')}
        </button>
        <div className="replay-speeds" role="group" aria-label={t('replay.speed')}>
          {SPEEDS.map((s) => (
            <button
              key={s}
              type="button"
              className="btn-ghost"
              aria-pressed={speed === s}
              data-testid={`replay-speed-${s}`}
              onClick={() => setSpeed(s)}
            >
              {s}×
            </button>
          ))}
        </div>
        <span className="replay-edge mono">{range ? when(range.first) : ''}</span>
        <input
          type="range"
          className="replay-slider"
          data-testid="replay-slider"
          aria-label={t('replay.slider')}
          aria-valuetext={when(at)}
          disabled={!range}
          min={range?.first ?? 0}
          max={range?.last ?? 0}
          step={SECOND}
          value={at}
          onChange={(e) => seek(Number(e.target.value))}
        />
        <span className="replay-edge mono">{range ? when(range.last) : ''}</span>
        <LanguageSwitch />
        <button type="button" className="btn-ghost replay-leave" data-testid="replay-leave" onClick={close}>
          {t('replay.leave')}
        </button>
      </div>
      {error && (
        <p className="replay-error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}
