// Creating or editing an incident, keyboard first: the title has the focus, Tab moves on, keys 1-4
// set the priority inside its control, Enter saves (Shift+Enter is a new line in the description),
// Escape leaves "pick on map" first, then the form. The place comes from a map click ("pick on
// map"), a venue, a bridge (its point and its name), a sector, or words; at least one is needed.
// Editing sends only the fields the officer changed, on the version the form was opened on: if
// another desk changed the incident meanwhile the save is refused and the conflict is shown here.
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  PRIORITIES,
  type Incident,
  type IncidentCategory,
  type IncidentSource,
  type Priority,
} from '../../shared/domain';
import { ShortcutHint } from '../common/ShortcutHint';
import { PRIORITY_COLOR } from '../map/palette';
import { useBridges, useCan, useVigie } from '../state/hooks';
import type { IncidentPatch } from '../state/types';
import { ConflictBanner } from './ConflictBanner';
import { coord } from './place';
import { PlaceSelect } from '../panels/PlaceSelect';
import { useSectors } from './use-sectors';
import type { Marking } from '../../shared/releasability';
import { MarkingPicker } from '../marking/MarkingPicker';
import { sameMarking } from '../marking/marking-text';

const isCategory = (v: string): v is IncidentCategory =>
  (INCIDENT_CATEGORIES as readonly string[]).includes(v);
const isSource = (v: string): v is IncidentSource => (INCIDENT_SOURCES as readonly string[]).includes(v);
const isPriorityKey = (k: string): k is '1' | '2' | '3' | '4' => ['1', '2', '3', '4'].includes(k);

interface Values {
  title: string;
  category: IncidentCategory;
  priority: Priority;
  description: string;
  source: IncidentSource;
  reporter: string;
  venueId: string;
  sector: string;
  locationText: string;
}

const blank: Values = {
  title: '',
  category: 'suspicious_package',
  priority: 2,
  description: '',
  source: 'radio',
  reporter: '',
  venueId: '',
  sector: '',
  locationText: '',
};

const valuesOf = (i: Incident): Values => ({
  title: i.title,
  category: i.category,
  priority: i.priority,
  description: i.description,
  source: i.source,
  reporter: i.reporter ?? '',
  venueId: i.venueId ?? '',
  sector: i.sector ?? '',
  locationText: i.locationText ?? '',
});

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);

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
  const markingInput = (m: Marking) => (m === null ? null : [...m]);
  const sectors = useSectors(v.sector);
  const titleRef = useRef<HTMLInputElement>(null);
  const afterPickRef = useRef<HTMLSelectElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));

  const bridges = useBridges();
  const venueOptions = useMemo(() => venues.map((x) => ({ value: x.id, label: x.name })), [venues]);
  const bridgeOptions = useMemo(() => bridges.map((b) => ({ value: b.key, label: b.name })), [bridges]);

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

  const patchOf = (b: Incident): IncidentPatch => {
    const patch: IncidentPatch = {};
    const was = valuesOf(b);
    if (v.title.trim() !== was.title) patch.title = v.title.trim();
    if (v.category !== was.category) patch.category = v.category;
    if (v.priority !== was.priority) patch.priority = v.priority;
    if (v.description.trim() !== was.description) patch.description = v.description.trim();
    if (v.source !== was.source) patch.source = v.source;
    if (orNull(v.reporter) !== b.reporter) patch.reporter = orNull(v.reporter);
    if ((v.venueId || null) !== b.venueId) patch.venueId = v.venueId || null;
    if (orNull(v.sector) !== b.sector) patch.sector = orNull(v.sector);
    if (orNull(v.locationText) !== b.locationText) patch.locationText = orNull(v.locationText);
    const lat = point?.lat ?? null;
    const lon = point?.lon ?? null;
    if (lat !== b.lat || lon !== b.lon) {
      patch.lat = lat;
      patch.lon = lon;
    }
    if (marking !== undefined && !sameMarking(marking, b.marking)) patch.marking = markingInput(marking);
    return patch;
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
      const patch = patchOf(base);
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

  const onPriorityKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = PRIORITIES.indexOf(v.priority);
    let next: Priority | undefined;
    if (isPriorityKey(e.key)) next = Number(e.key) as Priority;
    else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = PRIORITIES[Math.min(3, i + 1)];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = PRIORITIES[Math.max(0, i - 1)];
    if (!next) return;
    e.preventDefault();
    set('priority', next);
    formRef.current?.querySelector<HTMLElement>(`[data-priority="${next}"]`)?.focus();
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
      ref={formRef}
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
        <div className="form-field">
          <span id="form-priority-label">
            {t('incident.priority')} <ShortcutHint keys={['1', '2', '3', '4']} />
          </span>
          <div
            className="priority-picker"
            role="radiogroup"
            aria-labelledby="form-priority-label"
            data-testid="form-priority"
            onKeyDown={onPriorityKey}
          >
            {PRIORITIES.map((p) => (
              <button
                key={p}
                type="button"
                role="radio"
                data-priority={p}
                aria-checked={v.priority === p}
                aria-label={t(`priority.${p}`)}
                tabIndex={v.priority === p ? 0 : -1}
                className="prio-option"
                style={{ color: PRIORITY_COLOR[p], borderColor: PRIORITY_COLOR[p] }}
                onClick={() => set('priority', p)}
              >
                P{p}
              </button>
            ))}
          </div>
        </div>
      </div>

      <fieldset className="form-place">
        <legend>{t('incident.location')}</legend>
        <div className="pick-line">
          <button
            type="button"
            className={picking ? 'btn-primary picking' : 'btn-ghost'}
            data-testid="form-pick"
            aria-pressed={picking}
            onClick={() => setPicking(!picking)}
          >
            {picking ? t('form.picking') : t('form.pick')}
          </button>
          {point ? (
            <span className="point" data-testid="form-point">
              <span className="mono">
                {coord(point.lat)}, {coord(point.lon)}
              </span>{' '}
              <span className="hint">{pointNote}</span>
              <button type="button" className="btn-link" onClick={clearPoint}>
                {t('form.clearPoint')}
              </button>
            </span>
          ) : (
            <span className="hint">{t('form.noPoint')}</span>
          )}
        </div>
        <div className="form-row">
          <PlaceSelect
            className="form-field"
            label={t('incident.venue')}
            testId="form-venue"
            selectRef={afterPickRef}
            value={v.venueId}
            options={venueOptions}
            onChange={chooseVenue}
          />
          <PlaceSelect
            className="form-field"
            label={t('form.bridge')}
            testId="form-bridge"
            value={bridge}
            options={bridgeOptions}
            onChange={chooseBridge}
          />
        </div>
        <div className="form-row">
          <label className="form-field">
            <span>{t('incident.sector')}</span>
            <select
              data-testid="form-sector"
              value={v.sector}
              onChange={(e) => set('sector', e.target.value)}
            >
              <option value="">{t('form.none')}</option>
              {sectors.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="form-field">
            <span>{t('form.placeText')}</span>
            <input
              data-testid="form-place-text"
              value={v.locationText}
              maxLength={300}
              onChange={(e) => set('locationText', e.target.value)}
            />
          </label>
        </div>
      </fieldset>

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
