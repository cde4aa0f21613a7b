// Zones: draw a new one on the map (click its corners; double-click, Enter or "Close" ends it;
// Esc cancels), checked live with shared/zones.ts, then named, typed and coloured → createZone;
// pick a zone on the map or in the list to rename, retype, recolour (updateZone), reshape it by its
// corners on the map (ZoneShapeEditor) or delete it (deleteZone, after a second click to confirm); import a GeoJSON file (a dry run first, its summary
// or problems, then confirm) and export every zone as a .geojson file.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneImportResult } from '../../shared/api/map';
import type { Zone } from '../../shared/domain';
import { DEFAULT_ZONE_COLOR, ZONE_KINDS, isZoneKind, type ZoneKind } from '../../shared/zones';
import { useCan, useStoreApi, useVigie, useZones } from '../state/hooks';
import { closeZoneDraft, createZone, deleteZone, exportZones, importZones, updateZone } from './zone-actions';
import { draftProblems } from './zone-geometry';
import { openRings } from './zone-shape';
import { ZoneShapeEditor } from './ZoneShapeEditor';
import type { Marking } from '../../shared/releasability';
import { MarkingBadge } from '../marking/MarkingBadge';
import { MarkingPicker } from '../marking/MarkingPicker';

interface Fields {
  name: string;
  kind: ZoneKind;
  color: string;
  /** undefined while the typed countries are not valid codes. */
  marking: Marking | undefined;
}

function ZoneFields({ value, onChange }: { value: Fields; onChange: (v: Fields) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label className="zone-field">
        {t('mapTools.zones.name')}
        <input
          data-testid="zone-name"
          value={value.name}
          maxLength={200}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
        />
      </label>
      <label className="zone-field">
        {t('mapTools.zones.kind')}
        <select
          data-testid="zone-kind"
          value={value.kind}
          onChange={(e) => {
            const kind = isZoneKind(e.target.value) ? e.target.value : 'other';
            // The colour follows the kind until it was chosen by hand.
            const color =
              value.color === DEFAULT_ZONE_COLOR[value.kind] ? DEFAULT_ZONE_COLOR[kind] : value.color;
            onChange({ ...value, kind, color });
          }}
        >
          {ZONE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`mapTools.zones.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="zone-field">
        {t('mapTools.zones.color')}
        <input
          type="color"
          data-testid="zone-color"
          value={value.color}
          onChange={(e) => onChange({ ...value, color: e.target.value })}
        />
      </label>
      <MarkingPicker value={value.marking ?? null} onChange={(marking) => onChange({ ...value, marking })} />
    </>
  );
}

function ZoneEditor({ zone }: { zone: Zone }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const mayWrite = useCan('createZone');
  const kind = isZoneKind(zone.kind) ? zone.kind : 'other';
  const [fields, setFields] = useState<Fields>({
    name: zone.name,
    kind,
    color: zone.color,
    marking: zone.marking,
  });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    await fn();
    setBusy(false);
  };
  return (
    <form
      className="zone-form"
      data-testid="zone-editor"
      onSubmit={(e) => {
        e.preventDefault();
        const marking = fields.marking;
        if (marking === undefined) return;
        void act(() => updateZone(store, zone, { ...fields, marking, name: fields.name.trim() }));
      }}
    >
      <ZoneFields value={fields} onChange={setFields} />
      <div className="zone-actions">
        <button
          type="submit"
          data-testid="zone-save"
          disabled={!mayWrite || busy || !fields.name.trim() || fields.marking === undefined}
        >
          {t('mapTools.zones.save')}
        </button>
        <button
          type="button"
          data-testid="zone-edit-shape"
          disabled={!mayWrite || busy}
          onClick={() => {
            const rings = openRings(zone.polygon);
            store.getState().setZoneShape({ zoneId: zone.id, version: zone.version, original: rings, rings });
          }}
        >
          {t('mapTools.zones.editShape')}
        </button>
        <button
          type="button"
          data-testid="zone-delete"
          className={confirming ? 'danger' : ''}
          disabled={!mayWrite || busy}
          onClick={() => {
            if (!confirming) return setConfirming(true);
            void act(async () => {
              if (await deleteZone(store, zone)) store.getState().setEditedZoneId(null);
            });
          }}
        >
          {confirming ? t('mapTools.zones.confirmDelete') : t('mapTools.zones.delete')}
        </button>
        <button type="button" onClick={() => store.getState().setEditedZoneId(null)}>
          {t('mapTools.zones.close')}
        </button>
      </div>
    </form>
  );
}

function ZoneImport() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const mayWrite = useCan('createZone');
  const [text, setText] = useState<string | null>(null);
  const [result, setResult] = useState<ZoneImportResult | { error: string; issues: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="zone-import">
      <label className="zone-field">
        {t('mapTools.zones.import')}
        <input
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          data-testid="zone-import-file"
          disabled={!mayWrite}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setDone(null);
            if (!file) return;
            void file.text().then(async (body) => {
              setText(body);
              setResult(await importZones(store, body, true));
            });
          }}
        />
      </label>
      {result && 'error' in result && (
        <div className="zone-problems" role="alert" data-testid="zone-import-error">
          <p>{result.error}</p>
          <ul>
            {result.issues.slice(0, 10).map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </div>
      )}
      {result && !('error' in result) && text && (
        <div className="zone-summary" data-testid="zone-import-summary">
          <p>
            {t('mapTools.zones.importSummary', {
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
            })}
          </p>
          <button
            type="button"
            data-testid="zone-import-confirm"
            onClick={() =>
              void importZones(store, text, false).then((r) => {
                setResult(null);
                setText(null);
                setDone(
                  'error' in r ? r.error : t('mapTools.zones.imported', { count: r.created + r.updated }),
                );
              })
            }
          >
            {t('mapTools.zones.importConfirm')}
          </button>
          <button type="button" onClick={() => setResult(null)}>
            {t('mapTools.zones.cancel')}
          </button>
        </div>
      )}
      {done && <p className="zone-done">{done}</p>}
    </div>
  );
}

export function ZonesPanel() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const mayWrite = useCan('createZone');
  const mayExport = useCan('exportZones');
  const zones = useZones();
  const draft = useVigie((s) => s.zoneDraft);
  const editedId = useVigie((s) => s.editedZoneId);
  const shape = useVigie((s) => s.zoneShape);
  const edited = zones.find((z) => z.id === editedId) ?? null;
  const [fields, setFields] = useState<Fields>({
    name: '',
    kind: 'sector',
    color: DEFAULT_ZONE_COLOR.sector,
    marking: null,
  });
  const problems = draft ? draftProblems(draft.points) : [];

  // Enter closes the ring, Esc cancels the drawing.
  useEffect(() => {
    if (!draft || draft.closed) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        closeZoneDraft(store);
      } else if (e.key === 'Escape') store.getState().setZoneDraft(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, draft]);

  if (shape) return <ZoneShapeEditor edit={shape} />;

  if (draft && !draft.closed) {
    return (
      <div className="zones" data-testid="zone-drawing">
        <p>{t('mapTools.zones.drawHelp')}</p>
        <p data-testid="zone-draw-points">{t('mapTools.zones.points', { count: draft.points.length })}</p>
        {problems.length > 0 && draft.points.length >= 3 && (
          <p className="zone-problems" role="alert" data-testid="zone-draw-problem">
            {problems[0]?.message}
          </p>
        )}
        <div className="zone-actions">
          <button
            type="button"
            data-testid="zone-draw-close"
            disabled={problems.length > 0}
            onClick={() => closeZoneDraft(store)}
          >
            {t('mapTools.zones.closeRing')}
          </button>
          <button type="button" onClick={() => store.getState().setZoneDraft(null)}>
            {t('mapTools.zones.cancel')}
          </button>
        </div>
      </div>
    );
  }

  if (draft?.closed) {
    return (
      <form
        className="zone-form"
        data-testid="zone-create-form"
        onSubmit={(e) => {
          e.preventDefault();
          const marking = fields.marking;
          if (marking === undefined) return;
          void createZone(store, { ...fields, marking, name: fields.name.trim(), points: draft.points }).then(
            (z) => {
              if (!z) return;
              store.getState().setZoneDraft(null);
              setFields({
                name: '',
                kind: fields.kind,
                color: DEFAULT_ZONE_COLOR[fields.kind],
                marking: null,
              });
            },
          );
        }}
      >
        <p>{t('mapTools.zones.newZone', { count: draft.points.length })}</p>
        <ZoneFields value={fields} onChange={setFields} />
        <div className="zone-actions">
          <button
            type="submit"
            data-testid="zone-create"
            disabled={!fields.name.trim() || fields.marking === undefined}
          >
            {t('mapTools.zones.create')}
          </button>
          <button type="button" onClick={() => store.getState().setZoneDraft(null)}>
            {t('mapTools.zones.cancel')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="zones">
      <div className="zone-actions">
        <button
          type="button"
          data-testid="zone-draw"
          disabled={!mayWrite}
          onClick={() => {
            store.getState().setEditedZoneId(null);
            store.getState().setZoneShape(null);
            store.getState().setZoneDraft({ points: [], closed: false });
          }}
        >
          {t('mapTools.zones.draw')}
        </button>
        {mayExport && (
          <button
            type="button"
            data-testid="zone-export"
            onClick={() => void exportZones(store, 'vigie-zones.geojson')}
          >
            {t('mapTools.zones.export')}
          </button>
        )}
      </div>
      {!mayWrite && <p className="zone-hint">{t('mapTools.zones.readOnly')}</p>}
      {edited && <ZoneEditor key={`${edited.id}@${edited.version}`} zone={edited} />}
      <ul className="zone-list">
        {zones.map((z) => (
          <li key={z.id}>
            <button
              type="button"
              data-testid="zone-row"
              data-name={z.name}
              aria-pressed={z.id === editedId}
              onClick={() => store.getState().setEditedZoneId(z.id)}
            >
              <span className="swatch block" style={{ background: z.color }} />
              {z.name} <MarkingBadge marking={z.marking} />
            </button>
          </li>
        ))}
      </ul>
      <ZoneImport />
    </div>
  );
}
