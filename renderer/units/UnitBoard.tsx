// The units status board: units grouped by contingent, kind or sector with each status counted per
// group, filtered by country, kind, status and language; windowed (thousands of units). A status
// changes in one click or one keystroke (focus a row, then 1–6); a row selects the unit.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { UNIT_KINDS, UNIT_STATUSES, type Contingent, type Unit, type UnitStatus } from '../../shared/domain';
import { UNIT_STATUS_VAR } from '../map/palette';
import { useSelection, useUnits, useUnitBoardRights, useVigie } from '../state/hooks';
import {
  NO_FILTERS,
  boardLines,
  countStatuses,
  filterUnits,
  groupUnits,
  type GroupBy,
  type StatusCounts,
  type UnitFilters,
  type UnitGroup,
} from './board-model';
import { countryLabel } from './country';
import { Flag } from './Flag';
import { RosterImportButton } from './RosterImport';
import { BoardStatusButtons } from './BoardStatusButtons';
import { useUnitsView } from './view-store';
import { ChoiceSelect } from '../panels/ChoiceSelect';

const [GROUP_H, ROW_H] = [48, 40];
const isStatus = (v: string): v is UnitStatus => (UNIT_STATUSES as readonly string[]).includes(v);

export function UnitBoard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const units = useUnits();
  const contingentList = useVigie((s) => s.contingents);
  const { setUnitStatus, mayChange, whyNot } = useUnitBoardRights();
  const select = useVigie((s) => s.select);
  const selection = useSelection();
  const open = useUnitsView((s) => s.open);
  const showContingent = useUnitsView((s) => s.showContingent);
  const [groupBy, setGroupBy] = useState<GroupBy>('contingent');
  const [filters, setFilters] = useState<UnitFilters>(NO_FILTERS);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const contingents = useMemo(() => new Map(contingentList.map((c) => [c.id, c])), [contingentList]);
  const countries = useMemo(
    () =>
      [...new Set(units.map((u) => u.country))].sort((a, b) =>
        countryLabel(a, lang).localeCompare(countryLabel(b, lang)),
      ),
    [units, lang],
  );
  const languages = useMemo(
    () => [...new Set(contingentList.flatMap((c) => c.languages))].sort(),
    [contingentList],
  );
  const shown = useMemo(() => filterUnits(units, filters, contingents), [units, filters, contingents]);
  const totals = useMemo(() => countStatuses(shown), [shown]);
  const groups = useMemo(
    () =>
      groupUnits(shown, groupBy, (g) => groupLabel(g, groupBy, contingents, lang, t('uboard.noSector'), t)),
    [shown, groupBy, contingents, lang, t],
  );
  const lines = useMemo(() => boardLines(groups, collapsed), [groups, collapsed]);

  // TanStack Virtual hands back a mutable instance: the React Compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (lines[i]?.type === 'group' ? GROUP_H : ROW_H),
    getItemKey: (i) => {
      const l = lines[i];
      if (!l) return i;
      return l.type === 'group' ? `g:${l.group.key}` : l.unit.id;
    },
    overscan: 8,
    useFlushSync: false,
  });

  const change = async (unit: Unit, status: UnitStatus) => {
    if (status === unit.status || busy || !mayChange(unit)) return;
    setBusy(unit.id);
    await setUnitStatus(unit.id, status);
    setBusy(null);
  };

  const unitIndexes = useMemo(() => lines.flatMap((l, i) => (l.type === 'unit' ? [i] : [])), [lines]);

  const focusLine = (index: number) => {
    const l = lines[index];
    if (l?.type !== 'unit') return;
    select('unit', l.unit.id, 'panel');
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(l.unit.id)}"]`)?.focus(),
    );
  };

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, unit: Unit, index: number) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const n = Number(e.key);
    const status = Number.isInteger(n) && n >= 1 ? UNIT_STATUSES[n - 1] : undefined;
    if (status) {
      e.preventDefault();
      void change(unit, status);
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const at = unitIndexes.indexOf(index);
      const next = unitIndexes[e.key === 'ArrowDown' ? at + 1 : at - 1];
      if (next !== undefined) focusLine(next);
    }
  };

  const toggle = (key: string) => {
    const next = new Set(collapsed);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setCollapsed(next);
  };

  const selectedId = selection?.kind === 'unit' ? selection.id : null;
  const filtered = Boolean(filters.country || filters.kind || filters.status || filters.language);

  return (
    <section className="units-board" data-testid="unit-board" aria-label={t('uboard.title')}>
      <header className="ub-head">
        <h2>{t('uboard.title')}</h2>
        <span className="ub-spacer" />
        <RosterImportButton />
        <button
          type="button"
          className="btn-icon"
          data-testid="board-close"
          aria-label={t('uboard.close')}
          onClick={() => open(null)}
        >
          ×
        </button>
        <span className="ub-break" />
        <label className="ub-field">
          <span>{t('uboard.groupBy')}</span>
          <select
            data-testid="board-groupby"
            value={groupBy}
            onChange={(e) => setGroupBy(e.target.value as GroupBy)}
          >
            <option value="contingent">{t('uboard.byContingent')}</option>
            <option value="kind">{t('uboard.byKind')}</option>
            <option value="sector">{t('uboard.bySector')}</option>
          </select>
        </label>
        <label className="ub-field">
          <span>{t('uboard.country')}</span>
          <ChoiceSelect
            data-testid="board-filter-country"
            empty={t('uboard.all')}
            choices={countries.map((c) => ({ value: c, label: countryLabel(c, lang) }))}
            value={filters.country}
            onChange={(country) => setFilters({ ...filters, country })}
          />
        </label>
        <label className="ub-field">
          <span>{t('uboard.kind')}</span>
          <ChoiceSelect
            data-testid="board-filter-kind"
            empty={t('uboard.all')}
            choices={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
            value={filters.kind}
            onChange={(kind) => setFilters({ ...filters, kind: kind as UnitFilters['kind'] })}
          />
        </label>
        <label className="ub-field">
          <span>{t('uboard.status')}</span>
          <ChoiceSelect
            data-testid="board-filter-status"
            empty={t('uboard.all')}
            choices={UNIT_STATUSES.map((s) => ({ value: s, label: t(`unitStatus.${s}`) }))}
            value={filters.status}
            onChange={(status) => setFilters({ ...filters, status: isStatus(status) ? status : '' })}
          />
        </label>
        <label className="ub-field">
          <span>{t('uboard.language')}</span>
          <ChoiceSelect
            data-testid="board-filter-language"
            empty={t('uboard.all')}
            choices={languages.map((l) => ({ value: l, label: languageName(l, lang) }))}
            value={filters.language}
            onChange={(language) => setFilters({ ...filters, language })}
          />
        </label>
        {filtered && (
          <button type="button" className="btn-ghost btn-small" onClick={() => setFilters(NO_FILTERS)}>
            {t('uboard.clear')}
          </button>
        )}
      </header>
      <div className="ub-totals" data-testid="board-totals">
        <span className="ub-total">{t('uboard.shown', { shown: shown.length, total: units.length })}</span>
        <Counts counts={totals} />
        <span className="hint ub-keys">{t('uboard.keysHint')}</span>
      </div>
      {lines.length === 0 ? (
        <p className="list-empty">{t('uboard.empty')}</p>
      ) : (
        <div
          ref={scrollRef}
          className="ub-scroll"
          role="grid"
          aria-label={t('uboard.title')}
          aria-rowcount={lines.length}
        >
          <div role="presentation" className="row-window" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const line = lines[v.index];
              if (!line) return null;
              const style = { height: v.size, transform: `translateY(${v.start}px)` };
              if (line.type === 'group') {
                const g = line.group;
                return (
                  <div
                    key={`g:${g.key}`}
                    role="row"
                    className="ub-group"
                    style={style}
                    data-testid="board-group"
                    data-group={g.key}
                  >
                    <button
                      type="button"
                      className="btn-icon ub-toggle"
                      aria-expanded={!collapsed.has(g.key)}
                      aria-label={t('uboard.toggleGroup')}
                      onClick={() => toggle(g.key)}
                    >
                      {collapsed.has(g.key) ? '▸' : '▾'}
                    </button>
                    <GroupTitle group={g} groupBy={groupBy} contingents={contingents} lang={lang} />
                    <span className="ub-group-total" data-testid="group-total">
                      {g.units.length}
                    </span>
                    <Counts counts={g.counts} />
                    {g.contingentId && (
                      <button
                        type="button"
                        className="btn-ghost btn-small"
                        data-testid="open-contingent"
                        onClick={() => showContingent(g.contingentId)}
                      >
                        {t('uboard.contingentDetails')}
                      </button>
                    )}
                  </div>
                );
              }
              const u = line.unit;
              const selected = u.id === selectedId;
              return (
                <div
                  key={u.id}
                  role="row"
                  data-key={u.id}
                  data-testid="board-unit-row"
                  data-callsign={u.callsign}
                  data-status={u.status}
                  aria-selected={selected}
                  tabIndex={selected || (selectedId === null && v.index === 1) ? 0 : -1}
                  className={`ub-row${selected ? ' selected' : ''}`}
                  style={style}
                  onClick={() => select('unit', u.id, 'panel')}
                  onKeyDown={(e) => onRowKey(e, u, v.index)}
                >
                  <span className="status-bar" style={{ background: UNIT_STATUS_VAR[u.status] }} />
                  <span className="callsign">{u.callsign}</span>
                  <Flag code={u.country} lang={lang} />
                  <span className="kind">{t(`unitKind.${u.kind}`)}</span>
                  <span className="ub-sector">{u.sector ?? '—'}</span>
                  <span className="personnel">{t('panel.personnelShort', { count: u.personnel })}</span>
                  <BoardStatusButtons
                    unit={u}
                    busy={busy === u.id}
                    whyNot={whyNot(u)}
                    onPick={(s) => {
                      select('unit', u.id, 'panel');
                      void change(u, s);
                    }}
                  />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}

function Counts({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation();
  return (
    <span className="ub-counts">
      {UNIT_STATUSES.map((s) => (
        <span
          key={s}
          className={counts[s] ? 'ub-count' : 'ub-count zero'}
          data-status={s}
          data-count={counts[s]}
          title={t(`unitStatus.${s}`)}
        >
          <span className="ub-dot" style={{ background: UNIT_STATUS_VAR[s] }} />
          {counts[s]}
        </span>
      ))}
    </span>
  );
}

function GroupTitle({
  group,
  groupBy,
  contingents,
  lang,
}: {
  group: UnitGroup;
  groupBy: GroupBy;
  contingents: ReadonlyMap<string, Contingent>;
  lang: string;
}) {
  const { t } = useTranslation();
  if (groupBy === 'contingent') {
    const c = contingents.get(group.key);
    const country = c?.country ?? group.units[0]?.country ?? '';
    return (
      <span className="ub-group-title">
        <Flag code={country} lang={lang} />
        <strong>{countryLabel(country, lang)}</strong>
        <span className="muted">{c?.agency ?? group.units[0]?.agency}</span>
      </span>
    );
  }
  return (
    <span className="ub-group-title">
      <strong>{groupLabel(group, groupBy, contingents, lang, t('uboard.noSector'), t)}</strong>
    </span>
  );
}

/** Only the kind labels: the whole catalogue's TFunction type is too deep for the compiler here. */
type T = (key: `unitKind.${Unit['kind']}`) => string;

function groupLabel(
  g: UnitGroup,
  by: GroupBy,
  contingents: ReadonlyMap<string, Contingent>,
  lang: string,
  noSector: string,
  t: T,
): string {
  if (by === 'kind') return t(`unitKind.${g.key as Unit['kind']}`);
  if (by === 'sector') return g.key || noSector;
  const c = contingents.get(g.key);
  return c ? `${countryLabel(c.country, lang)} ${c.agency}` : g.key;
}

const langNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the UI language (Intl), or its code. */
export function languageName(code: string, lang: string): string {
  let names = langNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
    langNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
