// The board's filters: full-text search (server-side, over title, description and notes), priority,
// status, category, venue, sector, assigned country, and "show closed". Also the New incident
// button with its shortcut.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  PRIORITIES,
  type IncidentCategory,
  type IncidentStatus,
  type Priority,
} from '../../shared/domain';
import { countryName } from '../i18n/country';
import { PRIORITY_VAR } from '../map/palette';
import { useBoardFilters, useCan, useVigie } from '../state/hooks';
import { ShortcutHint } from '../common/ShortcutHint';
import { useSectors } from '../incidents/use-sectors';
import { ChoiceSelect } from './ChoiceSelect';

const SEARCH_DELAY_MS = 250;

const isStatus = (v: string): v is IncidentStatus => (INCIDENT_STATUSES as readonly string[]).includes(v);
const isCategory = (v: string): v is IncidentCategory =>
  (INCIDENT_CATEGORIES as readonly string[]).includes(v);

export function BoardFilters() {
  const { t, i18n } = useTranslation();
  const filters = useBoardFilters();
  const setFilters = useVigie((s) => s.setBoardFilters);
  const openCreate = useVigie((s) => s.openCreate);
  const canCreate = useCan('createIncident');
  const venues = useVigie((s) => s.venues);
  const contingents = useVigie((s) => s.contingents);
  const sectors = useSectors(filters.sector);

  // The search box answers at once; the server is asked once typing pauses.
  const [text, setText] = useState(filters.text);
  const [sent, setSent] = useState(filters.text);
  if (filters.text !== sent) {
    // Cleared or changed elsewhere (Clear filters).
    setSent(filters.text);
    setText(filters.text);
  }
  useEffect(() => {
    if (text === filters.text) return;
    const timer = setTimeout(() => {
      setSent(text);
      setFilters({ text });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters.text, setFilters]);

  const lang = i18n.language;
  const countries = useMemo(
    () =>
      [...new Set(contingents.map((c) => c.country))]
        .map((code) => ({ code, name: countryName(code, lang) }))
        .sort((a, b) => a.name.localeCompare(b.name, lang)),
    [contingents, lang],
  );

  const togglePriority = (p: Priority) =>
    setFilters({
      priorities: filters.priorities.includes(p)
        ? filters.priorities.filter((x) => x !== p)
        : [...filters.priorities, p].sort(),
    });

  return (
    <div className="board-filters" role="search" aria-label={t('board.filtersLabel')}>
      <div className="filter-line">
        <input
          className="filter board-search"
          type="search"
          data-testid="board-search"
          aria-label={t('board.searchLabel')}
          placeholder={t('board.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              setSent(text);
              setFilters({ text });
            }
          }}
        />
        {canCreate && (
          <button
            type="button"
            className="btn-primary new-incident"
            data-testid="new-incident"
            onClick={openCreate}
            aria-keyshortcuts="N Control+I"
          >
            {t('board.newIncident')} <ShortcutHint keys={['N']} />
          </button>
        )}
      </div>
      <div className="filter-line">
        <div className="prio-toggles" role="group" aria-label={t('board.priorityFilter')}>
          {PRIORITIES.map((p) => (
            <button
              key={p}
              type="button"
              className="prio-toggle"
              data-testid={`filter-p${p}`}
              aria-pressed={filters.priorities.includes(p)}
              style={{ color: PRIORITY_VAR[p], borderColor: PRIORITY_VAR[p] }}
              title={t(`priority.${p}`)}
              onClick={() => togglePriority(p)}
            >
              P{p}
            </button>
          ))}
        </div>
        <ChoiceSelect
          className="filter-select"
          data-testid="filter-status"
          aria-label={t('incident.status')}
          empty={filters.showClosed ? t('board.statusAny') : t('board.statusOpen')}
          choices={INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incidentStatus.${s}`) }))}
          value={filters.status}
          onChange={(v) => setFilters({ status: isStatus(v) ? v : '' })}
        />
        <label className="check">
          <input
            type="checkbox"
            data-testid="show-closed"
            checked={filters.showClosed}
            onChange={(e) => setFilters({ showClosed: e.target.checked })}
          />
          {t('board.showClosed')}
        </label>
      </div>
      <div className="filter-line filter-selects">
        <ChoiceSelect
          className="filter-select"
          data-testid="filter-category"
          aria-label={t('incident.category')}
          empty={t('board.categoryAny')}
          choices={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`incidentCategory.${c}`) }))}
          value={filters.category}
          onChange={(v) => setFilters({ category: isCategory(v) ? v : '' })}
        />
        <ChoiceSelect
          className="filter-select"
          data-testid="filter-venue"
          aria-label={t('incident.venue')}
          empty={t('board.venueAny')}
          choices={venues.map((v) => ({ value: v.id, label: v.name }))}
          value={filters.venueId}
          onChange={(venueId) => setFilters({ venueId })}
        />
        <ChoiceSelect
          className="filter-select"
          data-testid="filter-sector"
          aria-label={t('incident.sector')}
          empty={t('board.sectorAny')}
          choices={sectors.map((s) => ({ value: s, label: s }))}
          value={filters.sector}
          onChange={(sector) => setFilters({ sector })}
        />
        <ChoiceSelect
          className="filter-select"
          data-testid="filter-country"
          aria-label={t('board.country')}
          empty={t('board.countryAny')}
          choices={countries.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))}
          value={filters.country}
          onChange={(country) => setFilters({ country })}
        />
      </div>
    </div>
  );
}
