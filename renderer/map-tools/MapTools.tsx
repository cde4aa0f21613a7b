// The map's tool bar (top-left): "Layers" and "Parade" buttons, each opening its panel below (one at
// a time). The parade tracker's data and time live here, not in the panel, so the map keeps
// drawing the parade column while the panel is closed.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow, useOperationClock } from '../clock/use-clock';
import { LayersPanel } from './LayersPanel';
import { ParadePanel } from './ParadePanel';
import { useParade } from './use-parade';
import '../styles/map-tools.css';

type Tool = 'layers' | 'parade';

export function MapTools() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Tool | null>(null);
  const { clock, timeZone } = useOperationClock();
  const now = useNow(clock);
  const [scrub, setScrub] = useState<number | null>(null);
  const at = scrub ?? now;
  const labels = useMemo(
    () => ({ head: t('mapTools.parade.headLabel'), tail: t('mapTools.parade.tailLabel') }),
    [t],
  );
  const parade = useParade(at, labels);

  const button = (tool: Tool) => (
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
        {button('layers')}
        {button('parade')}
      </div>
      {open === 'layers' && <LayersPanel />}
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
