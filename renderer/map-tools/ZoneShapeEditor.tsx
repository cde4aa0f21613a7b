// The zones panel while a zone's corners are edited on the map (map/shape-drag.ts): how to edit,
// how many corners, what shared/zones.ts finds wrong (then Save is off: nothing invalid is sent),
// Save (updateZone with the polygon) and Cancel, which Esc also does; the stored shape is untouched
// until Save.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useStoreApi, useVigie } from '../state/hooks';
import type { ZoneShapeEdit } from '../state/map-slice';
import { saveZoneShape } from './zone-actions';
import { cornerCount, sameShape, shapeProblems } from './zone-shape';

export function ZoneShapeEditor({ edit }: { edit: ZoneShapeEdit }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const mayWrite = useCan('createZone');
  const name = useVigie((s) => s.zones.find((z) => z.id === edit.zoneId)?.name ?? null);
  const [busy, setBusy] = useState(false);
  const problem = shapeProblems(edit.rings)[0];
  const unchanged = sameShape(edit.rings, edit.original);
  const cancel = () => store.getState().setZoneShape(null);

  // Deleted meanwhile (another desk): nothing left to edit.
  useEffect(() => {
    if (name === null) store.getState().setZoneShape(null);
  }, [store, name]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      store.getState().setZoneShape(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  return (
    <div className="zones" data-testid="zone-shape-editor">
      <p>
        <strong>{t('mapTools.zones.shapeTitle', { name: name ?? '' })}</strong>
      </p>
      <p>{t('mapTools.zones.shapeHelp')}</p>
      <p data-testid="zone-shape-corners">
        {t('mapTools.zones.corners', { count: cornerCount(edit.rings) })}
      </p>
      {problem && (
        <p className="zone-problems" role="alert" data-testid="zone-shape-problem">
          {t('mapTools.zones.shapeInvalid', { problem: problem.message })}
        </p>
      )}
      <div className="zone-actions">
        <button
          type="button"
          data-testid="zone-shape-save"
          disabled={!mayWrite || busy || Boolean(problem) || unchanged}
          onClick={() => {
            setBusy(true);
            void saveZoneShape(store).finally(() => setBusy(false));
          }}
        >
          {t('mapTools.zones.saveShape')}
        </button>
        <button type="button" data-testid="zone-shape-cancel" onClick={cancel}>
          {t('mapTools.zones.cancel')}
        </button>
      </div>
    </div>
  );
}
