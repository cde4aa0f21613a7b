// Places a unit from its detail card without the map: typed coordinates (decimal or DMS, as read
// off a radio message), a venue, or a bridge of the route. Choosing a venue or a bridge fills the
// coordinates with its point; the move is journaled by the service with the source that was used.
// Enter saves, Escape closes. A venue puts the unit at that venue, a bridge takes it off its venue,
// a typed fix leaves the venue as it was (the fix may be inside it).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDms, parseCoordinates } from '../../shared/coordinates';
import type { Unit } from '../../shared/domain';
import { placeUnit, type Placement } from '../map-tools/move-unit';
import { PlaceSelect } from '../panels/PlaceSelect';
import { useBridges, useStoreApi, useVenues } from '../state/hooks';

type Chosen = { source: 'typed' } | { source: 'venue'; venueId: string } | { source: 'bridge'; key: string };

const fix = (lat: number, lon: number) => `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
/** Both ways to type a point, shown on one of the operation's own places. */
const exampleAt = (p: { lat: number; lon: number } | undefined) =>
  p ? `${fix(p.lat, p.lon)} · ${formatDms(p.lat, p.lon)}` : `${fix(0, 0)} · ${formatDms(0, 0)}`;

export function PositionEditor({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const venues = useVenues();
  const bridges = useBridges();
  const example = exampleAt(
    unit.lat !== null && unit.lon !== null ? { lat: unit.lat, lon: unit.lon } : venues[0],
  );
  const [text, setText] = useState(unit.lat !== null && unit.lon !== null ? fix(unit.lat, unit.lon) : '');
  const [chosen, setChosen] = useState<Chosen>({ source: 'typed' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.select();
  }, []);

  const chooseVenue = (id: string) => {
    const v = venues.find((x) => x.id === id);
    if (!v) return setChosen({ source: 'typed' });
    setChosen({ source: 'venue', venueId: v.id });
    setText(fix(v.lat, v.lon));
  };

  const chooseBridge = (key: string) => {
    const b = bridges.find((x) => x.key === key);
    if (!b) return setChosen({ source: 'typed' });
    setChosen({ source: 'bridge', key });
    setText(fix(b.lat, b.lon));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = parseCoordinates(text);
    if (!p.ok) return setError(t(`unit.move.problem.${p.reason}`));
    const place: Placement =
      chosen.source === 'venue'
        ? { lat: p.lat, lon: p.lon, source: 'venue', venueId: chosen.venueId }
        : chosen.source === 'bridge'
          ? { lat: p.lat, lon: p.lon, source: 'bridge', venueId: null }
          : { lat: p.lat, lon: p.lon, source: 'typed' };
    setSaving(true);
    const ok = await placeUnit(store, unit.id, place);
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <form
      className="position-editor"
      data-testid="unit-move-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <label>
        <span>{t('unit.move.coordinates')}</span>
        <input
          ref={input}
          className="mono"
          data-testid="unit-move-coords"
          value={text}
          placeholder={example}
          onChange={(e) => {
            setText(e.target.value);
            setChosen({ source: 'typed' });
            setError(null);
          }}
        />
      </label>
      <PlaceSelect
        label={t('unit.venue')}
        testId="unit-move-venue"
        value={chosen.source === 'venue' ? chosen.venueId : ''}
        options={venues.map((v) => ({ value: v.id, label: v.name }))}
        onChange={chooseVenue}
      />
      <PlaceSelect
        label={t('form.bridge')}
        testId="unit-move-bridge"
        value={chosen.source === 'bridge' ? chosen.key : ''}
        options={bridges.map((b) => ({ value: b.key, label: b.name }))}
        onChange={chooseBridge}
      />
      {error && (
        <p className="form-error" role="alert" data-testid="unit-move-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn-ghost btn-small" onClick={onClose}>
          {t('nearest.cancel')}
        </button>
        <button
          type="submit"
          className="btn-primary btn-small"
          data-testid="unit-move-save"
          disabled={saving}
        >
          {saving ? t('unit.saving') : t('unit.move.save')}
        </button>
      </div>
    </form>
  );
}
