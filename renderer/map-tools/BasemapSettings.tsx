// The operator's base map, in the layers panel: which file is in use (or the built-in map of Paris),
// an MBTiles / PMTiles file on the machine running Vigie (in the desktop app from the native file
// picker, in a browser by typed path → setBasemap), and a button back to the built-in map. The map
// adds it under its own layers (map/operator-basemap.ts).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BasemapInfo } from '../../shared/api/map';
import { toApiError } from '../api';
import { desktopBridge } from '../desktop';
import { useCan, useStoreApi, useVigie } from '../state/hooks';
import { mapClient } from './client';

/** Reads the base map in use once, into the store. */
export function useBasemapLoader(): void {
  const store = useStoreApi();
  useEffect(() => {
    let live = true;
    mapClient()
      .getBasemap({})
      .then((r) => live && store.getState().setBasemap(r.basemap))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [store]);
}

export function BasemapSettings() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const mayWrite = useCan('setBasemap');
  const basemap = useVigie((s) => s.basemap);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const bridge = desktopBridge();
  /** Runs a load (or a pick that may load); undefined = nothing changed (a cancelled picker). */
  const load = async (run: () => Promise<BasemapInfo | null | undefined>) => {
    setBusy(true);
    try {
      const info = await run();
      if (info !== undefined) store.getState().setBasemap(info);
      setPath('');
    } catch (err) {
      store.getState().showError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const set = (value: string | null) =>
    load(async () => (await mapClient().setBasemap({ path: value })).basemap);
  return (
    <fieldset className="basemap">
      <legend>{t('mapTools.basemap.title')}</legend>
      <p data-testid="basemap-current">
        {basemap
          ? t('mapTools.basemap.inUse', { name: basemap.name ?? basemap.file, kind: basemap.kind })
          : t('mapTools.basemap.builtIn')}
      </p>
      {basemap?.kind === 'vector' && (
        <p data-testid="basemap-schema" className="muted">
          {t(`mapTools.basemap.schema.${basemap.schema ?? 'unknown'}`)}
        </p>
      )}
      <form
        className="zone-actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) void set(path.trim());
        }}
      >
        {bridge ? (
          <button
            type="button"
            data-testid="basemap-pick"
            disabled={!mayWrite || busy}
            onClick={() =>
              void load(async () => {
                const r = await bridge.pickBasemapFile();
                return r.canceled ? undefined : r.basemap;
              })
            }
          >
            {t('mapTools.basemap.choose')}
          </button>
        ) : (
          <>
            <input
              data-testid="basemap-path"
              aria-label={t('mapTools.basemap.path')}
              placeholder={t('mapTools.basemap.path')}
              value={path}
              disabled={!mayWrite || busy}
              onChange={(e) => setPath(e.target.value)}
            />
            <button type="submit" disabled={!mayWrite || busy || !path.trim()}>
              {t('mapTools.basemap.load')}
            </button>
          </>
        )}
        {basemap && (
          <button type="button" disabled={!mayWrite || busy} onClick={() => void set(null)}>
            {t('mapTools.basemap.clear')}
          </button>
        )}
      </form>
    </fieldset>
  );
}
