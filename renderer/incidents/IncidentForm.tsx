// Creating or editing an incident, keyboard first: the title has the focus, Tab moves on, keys 1-4
// set the priority inside its control, Enter saves (Shift+Enter is a new line in the description),
// Escape leaves "pick on map" first, then the form. The place comes from a map click ("pick on
// map"), a venue, a bridge (its point and its name), a sector, or words; at least one is needed.
// Editing sends only the fields the officer changed, on the version the form was opened on: if
// another desk changed the incident meanwhile the save is refused and the conflict is shown here.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_CATEGORIES, INCIDENT_SOURCES, type Incident } from '../../shared/domain';
import { ShortcutHint } from '../common/ShortcutHint';
import { useBridges, useCan, useVigie } from '../state/hooks';
import { ConflictBanner } from './ConflictBanner';
import type { Marking } from '../../shared/releasability';
import { MarkingPicker } from '../marking/MarkingPicker';
import {
  blank,
  isCategory,
  isSource,
  markingInput,
  orNull,
  patchOf,
  valuesOf,
  type Values,
} from './incident-form-values';
import { PlaceFields } from './PlaceFields';
import { PriorityPicker } from './PriorityPicker';

export function IncidentForm({ editing }: { editing: Incident | null }) {
  const { t } = useTranslation();
  const venues = useVigie((s) => s.venues);
  const picking = useVigie((s) => s.picking);
  const draft = useVigie((s) => s.draftPoint);
  const conflict = useVigie((s) => s.conflict);
  const setPicking = useVigie((s) => s.setPicking);
  const setDraftPoint = useVigie((s) => s.setDraftPoint);
  const createIncident = useVigie((s) => s.createIncident);
  const updateIncident = useVigie((s) => s.updateIncident);
  const retry = useVigie((s) => s.retryAfterConflict);
  const closeForm = useVigie((s) => s.closeForm);
  const showNotice = useVigie((s) => s.showNotice);
  const mayWrite = useCan('createIncident');

  // Editing works on the row as it was when the form opened (its version is sent with the save).
  const [base] = useState(editing);
  const [v, setV] = useState<Values>(() => (base ? valuesOf(base) : blank));
  const [bridge, setBridge] = useState('');
  const [pointCleared, setPointCleared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // undefined while the typed countries are not valid codes.
  const [marking, setMarking] = useState<Marking | undefined>(base ? base.marking : null);
  const titleRef = useRef<HTMLInputElement>(null);
  const afterPickRef = useRef<HTMLSelectElement>(null);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));

  const bridges = useBridges();

  // The point: the one chosen in this form, else (editing) the incident's own.
  const basePoint = base && base.lat !== null && base.lon !== null && !pointCleared ? base : null;
  const point = draft ?? (basePoint ? { lat: basePoint.lat as number, lon: basePoint.lon as number } : null);

  // Back from a map click: the keyboard carries on from the field after "pick on map".
  const picked = useRef(draft);
  useEffect(() => {
    if (draft && draft !== picked.current && draft.source === 'map') afterPickRef.current?.focus();
    picked.current = draft;
  }, [draft]);

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const chooseVenue = (id: string) => {
    set('venueId', id);
    const venue = venues.find((x) => x.id === id);
    // A venue places the incident unless a point was picked or a bridge chosen.
    if (!draft || draft.source === 'venue')
      setDraftPoint(venue ? { lat: venue.lat, lon: venue.lon, source: 'venue' } : null);
  };

  const chooseBridge = (key: string) => {
    const previous = bridges.find((b) => b.key === bridge);
    setBridge(key);
    const b = bridges.find((x) => x.key === key);
    if (b) {
      setDraftPoint({ lat: b.lat, lon: b.lon, source: 'bridge' });
      if (!v.locationText.trim() || v.locationText === previous?.name) set('locationText', b.name);
    } else if (draft?.source === 'bridge') {
      setDraftPoint(null);
      if (v.locationText === previous?.name) set('locationText', '');
    }
  };

  const clearPoint = () => {
    setDraftPoint(null);
    setBridge('');
    setPointCleared(true);
  };

  const submit = async () => {
    if (busy) return;
    if (!v.title.trim()) {
      setError(t('form.needTitle'));
      titleRef.current?.focus();
      return;
    }
    if (!point && !v.venueId && !v.sector && !v.locationText.trim()) {
      setError(t('form.needPlace'));
      return;
    }
    if (marking === undefined) {
      setError(t('marking.badCountries'));
      return;
    }
    setError(null);
    setPicking(false);
    setBusy(true);
    if (base) {
      const patch = patchOf(v, point, marking, base);
      const ok = Object.keys(patch).length === 0 || (await updateIncident(base, patch));
      setBusy(false);
      if (ok) {
        showNotice(t('form.saved', { reference: base.reference }));
        closeForm();
      }
      return;
    }
    const created = await createIncident({
      category: v.category,
      priority: v.priority,
      title: v.title.trim(),
      description: v.description.trim(),
      source: v.source,
      reporter: orNull(v.reporter),
      ...(point ? { lat: point.lat, lon: point.lon } : {}),
      ...(v.venueId ? { venueId: v.venueId } : {}),
      ...(v.sector ? { sector: v.sector } : {}),
      ...(v.locationText.trim() ? { locationText: v.locationText.trim() } : {}),
      marking: markingInput(marking),
    });
    setBusy(false);
    if (created) showNotice(t('form.created', { reference: created.reference }));
  };

  const saveAgain = async () => {
    setBusy(true);
    const ok = await retry();
    setBusy(false);
    if (ok && base) {
      showNotice(t('form.saved', { reference: base.reference }));
      closeForm();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (picking) setPicking(false);
      else closeForm();
      return;
    }
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    // Buttons keep Enter for themselves; Shift+Enter writes a new line in the description.
    if (target instanceof HTMLButtonElement) return;
    if (target instanceof HTMLTextAreaElement && e.shiftKey) return;
    e.preventDefault();
    void submit();
  };

  const editConflict = base && conflict?.pending?.kind === 'update' ? conflict : null;
  const title = base ? t('form.editTitle', { reference: base.reference }) : t('form.createTitle');
  const pointNote = point
    ? draft
      ? t(`form.pointFrom.${draft.source}`)
      : t('form.pointFrom.incident')
    : null;

  return (
    <form
      className="incident-form"
      data-testid="incident-form"
      aria-label={title}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void submit();
      }}
    >
      <header className="pane-head">
        <h2 className="pane-title">{title}</h2>
        <button type="button" className="btn-icon" aria-label={t('form.cancel')} onClick={closeForm}>
          ×
        </button>
      </header>
      <p className="form-keys">
        <ShortcutHint keys={['Enter']} /> {t('form.keySave')} · <ShortcutHint keys={['Shift', 'Enter']} />{' '}
        {t('form.keyNewline')} · <ShortcutHint keys={['Esc']} /> {t('form.keyCancel')}
      </p>

      {editConflict && (
        <ConflictBanner
          conflict={editConflict}
          retryLabel={t('conflict.saveAgain')}
          onRetry={() => void saveAgain()}
          onReload={closeForm}
          reloadLabel={t('conflict.discard')}
        />
      )}

      <label className="form-field">
        <span>{t('incident.title')}</span>
        <input
          ref={titleRef}
          data-testid="form-title"
          value={v.title}
          maxLength={200}
          required
          onChange={(e) => set('title', e.target.value)}
        />
      </label>

      <div className="form-row">
        <label className="form-field">
          <span>{t('incident.category')}</span>
          <select
            data-testid="form-category"
            value={v.category}
            onChange={(e) => isCategory(e.target.value) && set('category', e.target.value)}
          >
            {INCIDENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`incidentCategory.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <PriorityPicker value={v.priority} onChange={(p) => set('priority', p)} />
      </div>

      <PlaceFields
        v={v}
        set={set}
        point={point}
        pointNote={pointNote}
        clearPoint={clearPoint}
        afterPickRef={afterPickRef}
        chooseVenue={chooseVenue}
        bridge={bridge}
        chooseBridge={chooseBridge}
      />

      <div className="form-row">
        <label className="form-field">
          <span>{t('incident.source')}</span>
          <select
            data-testid="form-source"
            value={v.source}
            onChange={(e) => isSource(e.target.value) && set('source', e.target.value)}
          >
            {INCIDENT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`incidentSource.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>{t('incident.reporter')}</span>
          <input
            data-testid="form-reporter"
            value={v.reporter}
            maxLength={200}
            onChange={(e) => set('reporter', e.target.value)}
          />
        </label>
      </div>

      <label className="form-field">
        <span>{t('incident.description')}</span>
        <textarea
          data-testid="form-description"
          rows={4}
          maxLength={4000}
          value={v.description}
          onChange={(e) => set('description', e.target.value)}
        />
      </label>

      <MarkingPicker value={base ? base.marking : null} onChange={setMarking} />

      {error && (
        <p className="form-error" role="alert" data-testid="form-error">
          {error}
        </p>
      )}
      {!mayWrite && <p className="hint">{t('form.readOnly')}</p>}

      <div className="form-actions">
        <button type="button" className="btn-ghost" onClick={closeForm}>
          {t('form.cancel')}
        </button>
        <button type="submit" className="btn-primary" data-testid="form-save" disabled={busy}>
          {busy ? t('form.saving') : base ? t('form.save') : t('form.create')}
        </button>
      </div>
    </form>
  );
}
