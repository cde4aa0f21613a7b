// The wall screen: a read-only view of the operation for a large display in the room, shown to an
// operator whose role is 'wall' (signed in at /wall). Nothing on it needs a pointer: no hover-only
// text, no dialog, no control. It reads with the wall's session (the services give it only what is
// releasable to all partners) and is kept current by the live feed, polling while the feed is down.
import { useTranslation } from 'react-i18next';
import { MapView } from '../map/LazyMapView';
import { useVigie } from '../state/hooks';
import { useFeed } from '../state/use-feed';
import { useNow, useOperationClock } from '../clock/use-clock';
import { WallHeader } from './WallHeader';
import { WallIncidents } from './WallIncidents';
import { WallUnits } from './WallUnits';
import { WallParade } from './WallParade';
import { WallBulletins } from './WallBulletins';

export function WallScreen({ operatorId }: { operatorId: string }) {
  const { t } = useTranslation();
  const { clock, timeZone } = useOperationClock();
  const now = useNow(clock);
  const loadState = useVigie((s) => s.loadState);
  const refreshError = useVigie((s) => s.refreshError);

  useFeed(operatorId);

  return (
    <div className="wall" data-testid="wall">
      <WallHeader now={now} timeZone={timeZone} />
      {refreshError && (
        <p className="wall-link-down" role="status" data-testid="wall-link-down">
          {t('wall.linkDown')}
        </p>
      )}
      <main className="wall-grid">
        <section className="wall-map" aria-label={t('map.label')}>
          <MapView still />
          {loadState !== 'ready' && <p className="wall-loading">{t('app.loading')}</p>}
        </section>
        <WallUnits />
        <div className="wall-side">
          <WallIncidents now={now} />
          <WallParade now={now} timeZone={timeZone} />
          <WallBulletins timeZone={timeZone} />
        </div>
      </main>
    </div>
  );
}
