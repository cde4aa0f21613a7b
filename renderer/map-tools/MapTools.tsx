// The map's tool bar (top-left): the place search box, then "Layers", "Parade", "Zones" and "Measure"
// buttons, each opening its panel below (one at a time). The parade tracker's data and time live here, not in the panel, so the map keeps
// drawing the parade column while the panel is closed.
import { useMemo, useState } from 'react';
import { useStoreApi, useVigie } from '../state/hooks';
import type { MapTool } from '../state/map-slice';
import { useTranslation } from 'react-i18next';
import { useNow, useOperationClock } from '../clock/use-clock';
import { LayersPanel } from './LayersPanel';
import { ParadePanel } from './ParadePanel';
import { ZonesPanel } from './ZonesPanel';
import { MeasurePanel } from './MeasurePanel';
import { PlaceSearch } from './PlaceSearch';
import { useBasemapLoader } from './BasemapSettings';
import { useParade } from './use-parade';
import '../styles/map-tools.css';
import '../styles/map-search.css';

const LIVE_STEP_MS = 15_000;

export function MapTools() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const open = useVigie((s) => s.mapTool);
  const setOpen = (tool: MapTool | null) => {
    store.getState().setMapTool(tool);
    // Leaving the zones tool drops a drawing or a shape edit in progress.
    if (tool !== 'zones') {
      store.getState().setZoneDraft(null);
      store.getState().setZoneShape(null);
    }
    if (tool !== 'measure') store.getState().setMeasurePoints([]);
  };
  const { clock, timeZone } = useOperationClock();
  const now = useNow(clock);
  const [scrub, setScrub] = useState<number | null>(null);
  // Following the clock, the parade is recomputed every LIVE_STEP_MS (about 50 m of river), not
  // every second, so the map is not redrawn (and never idle) each second.
  const at = scrub ?? Math.floor(now / LIVE_STEP_MS) * LIVE_STEP_MS;
  const labels = useMemo(
    () => ({ head: t('mapTools.parade.headLabel'), tail: t('mapTools.parade.tailLabel') }),
    [t],
  );
  const parade = useParade(at, labels);
  useBasemapLoader();

  const button = (tool: MapTool) => (
    <button
      type="button"
      className="tool-toggle"
      data-testid={`${tool}-toggle`}
      aria-expanded={open === tool}
      onClick={() => setOpen(open === tool ? null : tool)}
    >
      {t(`mapTools.tools.${tool}`)}
    </button>
  );

  return (
    <div className="map-tools">
      <div className="map-tools-bar">
        <PlaceSearch />
        {button('layers')}
        {button('parade')}
        {button('zones')}
        {button('measure')}
      </div>
      {open === 'layers' && <LayersPanel />}
      {open === 'measure' && (
        <section className="tool-panel" aria-label={t('mapTools.tools.measure')} data-testid="measure-panel">
          <MeasurePanel />
        </section>
      )}
      {open === 'zones' && (
        <section className="tool-panel" aria-label={t('mapTools.tools.zones')} data-testid="zones-panel">
          <ZonesPanel />
        </section>
      )}
      {open === 'parade' && (
        <section className="tool-panel parade-panel" aria-label={t('mapTools.tools.parade')}>
          <ParadePanel
            view={parade.view}
            state={parade.state}
            error={parade.error}
            at={at}
            live={scrub === null}
            now={now}
            timeZone={timeZone}
            onScrub={setScrub}
            reload={parade.reload}
          />
        </section>
      )}
    </div>
  );
}
