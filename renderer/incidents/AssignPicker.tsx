// The picker to assign units to an incident, ordered by the service (suggestUnits): units of the
// kinds the incident's category needs first (available, quickest there), then the others, busy ones
// (assigning one asks to confirm the reassignment) and off-duty ones disabled. A dog past its rest
// asks to confirm before it is assigned. Type to search; arrows and Enter pick; Escape closes.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionsAnswer, UnitSuggestion } from '../../shared/api/units';
import type { Incident } from '../../shared/domain';
import { formatClock } from '../../shared/time-format';
import { useOperationClock } from '../clock/use-clock';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { matcher, unitSearchText } from '../panels/filter';
import { useVigie } from '../state/hooks';
import { AssignOption } from './AssignOption';
import { AssignConfirm, type Pending } from './AssignConfirm';

const MAX_SHOWN = 80;

export function AssignPicker({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useOperationClock();
  const units = useVigie((s) => s.units);
  const incidents = useVigie((s) => s.incidentPoints);
  const assign = useVigie((s) => s.assignUnit);
  const [answer, setAnswer] = useState<SuggestionsAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [confirm, setConfirm] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  /** Enter pressed before the ranked list arrived: its first match is picked as soon as it does. */
  const enterPending = useRef(false);
  const listRef = useRef<HTMLUListElement>(null);
  const lang = i18n.language;

  // Asked again whenever the units change (status, position, rest) or the incident moves.
  useEffect(() => {
    let live = true;
    appClient()
      .suggestUnits({ incidentId: incident.id })
      .then((a) => live && setAnswer(a))
      .catch((err: unknown) => live && setError(toApiError(err).message));
    return () => {
      live = false;
    };
  }, [incident.id, incident.version, units]);

  const workingOn = useMemo(() => {
    const m = new Map<string, string>();
    for (const i of incidents) for (const unitId of i.unitIds) m.set(unitId, i.reference);
    return m;
  }, [incidents]);

  const shown = useMemo(() => {
    const match = matcher(query);
    return (answer?.units ?? [])
      .filter(({ unit, languages }) => match(`${unitSearchText(unit, t, lang)} ${languages.join(' ')}`))
      .slice(0, MAX_SHOWN);
  }, [answer, query, lang, t]);

  const current = Math.max(0, Math.min(active, shown.length - 1));

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const pick = async (s: UnitSuggestion, reassign = false, rest = false) => {
    if (s.group === 'untaskable' || busy) return;
    // The desk already knows this dog is past its rest: ask before calling.
    if (!rest && s.rest?.level === 'due') {
      setConfirm({ s, kind: 'rest', reassign, restDue: s.rest.restDue ?? '' });
      return;
    }
    setBusy(true);
    const r = await assign(s.unit.id, reassign, rest);
    setBusy(false);
    if (r.ok) {
      setConfirm(null);
      onClose();
    } else if (r.needsConfirmation) {
      setConfirm({ s, kind: 'reassign', rest, reference: r.reference ?? workingOn.get(s.unit.id) ?? null });
    } else if (r.restDue !== null) {
      setConfirm({ s, kind: 'rest', reassign, restDue: r.restDue });
    }
  };

  useEffect(() => {
    if (!enterPending.current || !answer) return;
    enterPending.current = false;
    const c = shown[current];
    // After this render, as a click would: the pick updates the picker's own state.
    if (c) queueMicrotask(() => void pick(c));
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      if (confirm) setConfirm(null);
      else onClose();
    } else if (confirm) {
      return;
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(Math.min(shown.length - 1, current + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(0, current - 1));
    } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      // An officer who types a callsign and Enter at once is not ignored while the list loads.
      if (!answer) {
        enterPending.current = true;
        return;
      }
      const c = shown[current];
      if (c) void pick(c);
    }
  };

  if (confirm) {
    return (
      <AssignConfirm
        pending={confirm}
        reference={incident.reference}
        time={(iso) => formatClock(Date.parse(iso), timeZone, false)}
        busy={busy}
        onKeyDown={onKeyDown}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          void (confirm.kind === 'rest'
            ? pick(confirm.s, confirm.reassign, true)
            : pick(confirm.s, true, confirm.rest))
        }
      />
    );
  }

  const category = t(`incidentCategory.${incident.category}`).toLocaleLowerCase(lang);
  const firstOther = shown.findIndex((s) => s.group !== 'suggested');
  return (
    <div className="assign-picker" data-testid="assign-picker" onKeyDown={onKeyDown}>
      <div className="assign-search">
        <input
          type="search"
          data-testid="assign-search"
          role="combobox"
          aria-expanded="true"
          aria-controls="assign-list"
          aria-activedescendant={shown[current] ? `assign-${shown[current].unit.id}` : undefined}
          aria-label={t('assign.search')}
          placeholder={t('assign.search')}
          value={query}
          autoFocus
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        <button type="button" className="btn-ghost" onClick={onClose}>
          {t('assign.close')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul
        ref={listRef}
        className="assign-list"
        id="assign-list"
        role="listbox"
        aria-label={t('assign.title')}
      >
        {shown.map((s, i) => (
          <AssignGroupStart key={s.unit.id} first={i === 0} other={i === firstOther} category={category}>
            <AssignOption
              s={s}
              index={i}
              current={i === current}
              category={incident.category}
              workingOn={workingOn.get(s.unit.id) ?? null}
              onHover={() => setActive(i)}
              onPick={() => void pick(s)}
            />
          </AssignGroupStart>
        ))}
        {!answer && !error && <li className="hint">{t('suggest.loading')}</li>}
        {answer && shown.length === 0 && <li className="hint">{t('assign.noMatch')}</li>}
      </ul>
    </div>
  );
}

/** A row, with the heading of its group before it when it starts one. */
function AssignGroupStart({
  first,
  other,
  category,
  children,
}: {
  first: boolean;
  other: boolean;
  category: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const heading = other ? t('suggest.others') : first ? t('suggest.suggested', { category }) : null;
  return (
    <>
      {heading && (
        <li role="presentation" className="assign-group" data-testid="assign-group">
          {heading}
        </li>
      )}
      {children}
    </>
  );
}
