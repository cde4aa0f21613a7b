// Choosing an item's releasability in the incident form and the zone editor: all partners (the
// default), the host nation only, or the host and named countries (ISO codes, typed). A partner
// liaison's own country is kept in the list: the server refuses a marking that leaves it out.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marking } from '../../shared/releasability';
import { useVigie } from '../state/hooks';
import { countriesText, parseCountries } from './marking-text';

type Mode = 'all' | 'host' | 'list';

const modeOf = (m: Marking): Mode => (m === null ? 'all' : m.length === 0 ? 'host' : 'list');

export function MarkingPicker({
  value,
  onChange,
}: {
  value: Marking;
  /** Called with the new marking, or undefined while the typed codes are not valid. */
  onChange: (m: Marking | undefined) => void;
}) {
  const { t } = useTranslation();
  const host = useVigie((s) => s.session?.hostCountry ?? 'FR');
  const own = useVigie((s) => s.session?.operator?.country ?? null);
  const [mode, setMode] = useState<Mode>(modeOf(value));
  const [typed, setTyped] = useState(countriesText(value));
  const [bad, setBad] = useState(false);
  const id = useId();

  const fromTyped = (text: string): Marking | undefined => {
    const codes = parseCountries(text);
    setBad(codes === null);
    return codes === null ? undefined : codes;
  };
  const choose = (next: Mode) => {
    setMode(next);
    if (next === 'all') onChange(null);
    else if (next === 'host') onChange([]);
    else {
      // A partner starts from their own country: leaving it out would be refused.
      const start = typed || (own && own !== host ? own : '');
      setTyped(start);
      onChange(fromTyped(start));
    }
  };

  return (
    <fieldset className="form-field marking-picker" data-testid="marking-picker">
      <legend>{t('marking.label')}</legend>
      <select
        aria-label={t('marking.label')}
        data-testid="marking-mode"
        value={mode}
        onChange={(e) => choose(e.target.value as Mode)}
      >
        <option value="all">{t('marking.mode.all')}</option>
        <option value="host">{t('marking.mode.host', { host })}</option>
        <option value="list">{t('marking.mode.list', { host })}</option>
      </select>
      {mode === 'list' && (
        <label htmlFor={id} className="marking-countries">
          <span>{t('marking.countries')}</span>
          <input
            id={id}
            data-testid="marking-countries"
            value={typed}
            placeholder="ES, DE"
            aria-invalid={bad}
            onChange={(e) => {
              setTyped(e.target.value);
              onChange(fromTyped(e.target.value));
            }}
          />
          {bad && <span className="form-error">{t('marking.badCountries')}</span>}
        </label>
      )}
    </fieldset>
  );
}
