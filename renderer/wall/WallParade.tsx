// The parade at the operation's now: its phase, where the head is, and the next bridge it reaches
// with the expected time and the delay against the plan (shared/parade.ts, from getParade). The
// column is drawn on the wall's map too (use-parade hands it to the store).
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../shared/time-format';
import { useParade } from '../map-tools/use-parade';
import { nextBridge } from './wall-data';

export function WallParade({ now, timeZone }: { now: number; timeZone: string }) {
  const { t } = useTranslation();
  const labels = { head: t('mapTools.parade.headLabel'), tail: t('mapTools.parade.tailLabel') };
  const { view, state } = useParade(now, labels);
  const bridge = nextBridge(state);
  const delay = bridge ? Math.round(bridge.headDelayMinutes) : 0;
  return (
    <section className="wall-panel wall-parade" aria-labelledby="wall-parade-title" data-testid="wall-parade">
      <h2 id="wall-parade-title">
        {t('wall.parade')}
        {state && <span className="wall-phase">{t(`mapTools.parade.phase.${state.phase}`)}</span>}
      </h2>
      {!state ? (
        <p className="wall-empty">{view ? t('mapTools.parade.noPlan') : t('mapTools.parade.loading')}</p>
      ) : (
        <>
          <p className="wall-head-km" data-testid="wall-parade-head">
            {t('mapTools.parade.head', {
              km: state.head.chainageKm.toFixed(1),
              total: state.routeKm.toFixed(1),
            })}
          </p>
          {bridge ? (
            <p className="wall-bridge" data-testid="wall-next-bridge">
              <span className="wall-bridge-label">{t('wall.nextBridge')}</span>
              <span className="wall-bridge-name">{bridge.name}</span>
              <span className="wall-eta">
                {t('wall.eta', { time: formatClock(Date.parse(bridge.expectedHeadAt), timeZone, false) })}
              </span>
              {delay !== 0 && (
                <span className={delay > 0 ? 'wall-delay wall-delay-late' : 'wall-delay'}>
                  {t('wall.delay', { minutes: delay > 0 ? `+${delay}` : String(delay) })}
                </span>
              )}
            </p>
          ) : (
            <p className="wall-empty">{t('wall.allBridgesPassed')}</p>
          )}
        </>
      )}
    </section>
  );
}
