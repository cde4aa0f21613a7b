// Units on an incident: who works it now (with Release), who did before, and the picker to assign
// more. The picker lists available units first, nearest first, then units busy elsewhere (with the
// incident they work: assigning one asks to confirm the reassignment), and shows off-duty and
// out-of-service units disabled. Type to search; arrows and Enter pick; Escape closes.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView, Incident, Unit, UnitStatus } from '../../shared/domain';
import { isOpen } from '../../shared/incident-lifecycle';
import { formatClock } from '../../shared/time-format';
import { useOperationClock } from '../clock/use-clock';
import { countryName } from '../i18n/country';
import { UNIT_STATUS_COLOR } from '../map/palette';
import { matcher } from '../panels/filter';
import { useCan, useVigie } from '../state/hooks';
import { distanceM, formatDistance } from './distance';
import { ShortcutHint } from '../common/ShortcutHint';

const MAX_SHOWN = 80;
const RANK: Record<UnitStatus, number> = {
  available: 0,
  assigned: 1,
  en_route: 1,
  on_scene: 1,
  off_duty: 2,
  out_of_service: 2,
};
const untaskable = (s: UnitStatus) => RANK[s] === 2;

export function Units({
  incident,
  assignments,
}: {
  incident: Incident;
  assignments: readonly AssignmentView[];
}) {
  const { t } = useTranslation();
  const { timeZone } = useOperationClock();
  const release = useVigie((s) => s.releaseUnit);
  const canAssign = useCan('assignUnit');
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const active = assignments.filter((a) => !a.releasedAt);
  const past = assignments.filter((a) => a.releasedAt);
  const open = isOpen(incident.status);

  const doRelease = async (unitId: string) => {
    setBusy(unitId);
    await release(unitId);
    setBusy(null);
  };

  return (
    <section className="pane-section" aria-labelledby="units-title">
      <h3 id="units-title">
        {t('assign.title')} <span className="count">{active.length}</span>
      </h3>
      {active.length === 0 && !picking && <p className="hint">{t('assign.none')}</p>}
      {active.length > 0 && (
        <ul className="assigned" data-testid="assigned-units">
          {active.map((a) => (
            <li
              key={a.id}
              className="assigned-unit"
              data-testid="assigned-unit"
              data-callsign={a.callsign}
              data-status={a.unitStatus}
            >
              <span className="status-bar" style={{ background: UNIT_STATUS_COLOR[a.unitStatus] }} />
              <span className="callsign">{a.callsign}</span>
              <span className="country">{a.country}</span>
              <span className="kind">{t(`unitKind.${a.kind}`)}</span>
              <span className="status-pill" style={{ color: UNIT_STATUS_COLOR[a.unitStatus] }}>
                {t(`unitStatus.${a.unitStatus}`)}
              </span>
              {canAssign && (
                <button
                  type="button"
                  className="btn-ghost btn-small"
                  data-testid="release-unit"
                  disabled={busy === a.unitId}
                  onClick={() => void doRelease(a.unitId)}
                >
                  {t('assign.release')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open &&
        canAssign &&
        (picking ? (
          <AssignPicker
            incident={incident}
            assignedIds={active.map((a) => a.unitId)}
            onClose={() => setPicking(false)}
          />
        ) : (
          <button
            type="button"
            className="btn-primary"
            data-testid="assign-open"
            onClick={() => setPicking(true)}
          >
            {t('assign.open')} <ShortcutHint keys={['U']} />
          </button>
        ))}
      {past.length > 0 && (
        <details className="past-units">
          <summary>{t('assign.past', { count: past.length })}</summary>
          <ul>
            {past.map((a) => (
              <li key={a.id}>
                <span className="callsign">{a.callsign}</span> {a.country} ·{' '}
                {formatClock(Date.parse(a.assignedAt), timeZone, false)}–
                {a.releasedAt ? formatClock(Date.parse(a.releasedAt), timeZone, false) : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

interface Candidate {
  unit: Unit;
  distance: number | null;
  /** The reference of the incident the unit works now, if any. */
  workingOn: string | null;
}

function AssignPicker({
  incident,
  assignedIds,
  onClose,
}: {
  incident: Incident;
  assignedIds: readonly string[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const units = useVigie((s) => s.units);
  const incidents = useVigie((s) => s.incidents);
  const assign = useVigie((s) => s.assignUnit);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [confirm, setConfirm] = useState<{ unit: Unit; reference: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const lang = i18n.language;

  const workingOn = useMemo(() => {
    const m = new Map<string, string>();
    for (const i of incidents) for (const a of i.assigned) m.set(a.unitId, i.reference);
    return m;
  }, [incidents]);

  const all = useMemo<Candidate[]>(() => {
    const here = incident.lat !== null && incident.lon !== null ? incident : null;
    return units
      .filter((u) => !assignedIds.includes(u.id))
      .map((unit) => ({
        unit,
        distance:
          here && unit.lat !== null && unit.lon !== null
            ? distanceM(here.lat as number, here.lon as number, unit.lat, unit.lon)
            : null,
        workingOn: workingOn.get(unit.id) ?? null,
      }))
      .sort(
        (a, b) =>
          RANK[a.unit.status] - RANK[b.unit.status] ||
          (a.distance ?? Infinity) - (b.distance ?? Infinity) ||
          a.unit.callsign.localeCompare(b.unit.callsign),
      );
  }, [units, assignedIds, incident, workingOn]);

  const shown = useMemo(() => {
    const match = matcher(query);
    return all
      .filter(({ unit: u }) =>
        match(
          [
            u.callsign,
            u.country,
            countryName(u.country, lang),
            u.agency,
            u.kind,
            t(`unitKind.${u.kind}`),
            t(`unitStatus.${u.status}`),
            u.sector ?? '',
          ].join(' '),
        ),
      )
      .slice(0, MAX_SHOWN);
  }, [all, query, lang, t]);

  const current = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  useEffect(() => {
    if (confirm) confirmRef.current?.focus();
  }, [confirm]);

  const pick = async (c: Candidate, confirmed = false) => {
    if (untaskable(c.unit.status) || busy) return;
    setBusy(true);
    const r = await assign(c.unit.id, confirmed);
    setBusy(false);
    if (r.ok) {
      setConfirm(null);
      onClose();
    } else if (r.needsConfirmation) {
      setConfirm({ unit: c.unit, reference: r.reference ?? c.workingOn });
    }
  };

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
      const c = shown[current];
      if (c) void pick(c);
    }
  };

  if (confirm) {
    return (
      <div
        className="confirm"
        role="alertdialog"
        aria-modal="false"
        aria-labelledby="reassign-text"
        data-testid="reassign-confirm"
        onKeyDown={onKeyDown}
      >
        <p id="reassign-text">
          {t('assign.reassignQuestion', {
            callsign: confirm.unit.callsign,
            from: confirm.reference ?? '?',
            to: incident.reference,
          })}
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="btn-ghost"
            data-testid="reassign-cancel"
            onClick={() => setConfirm(null)}
          >
            {t('assign.keep')}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className="btn-primary"
            data-testid="reassign-ok"
            disabled={busy}
            onClick={() =>
              void pick({ unit: confirm.unit, distance: null, workingOn: confirm.reference }, true)
            }
          >
            {t('assign.reassign', { callsign: confirm.unit.callsign })}
          </button>
        </div>
      </div>
    );
  }

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
      <ul
        ref={listRef}
        className="assign-list"
        id="assign-list"
        role="listbox"
        aria-label={t('assign.title')}
      >
        {shown.map((c, i) => {
          const u = c.unit;
          const disabled = untaskable(u.status);
          return (
            <li
              key={u.id}
              id={`assign-${u.id}`}
              role="option"
              data-index={i}
              data-testid="assign-option"
              data-callsign={u.callsign}
              aria-selected={i === current}
              aria-disabled={disabled}
              className={disabled ? 'assign-option disabled' : 'assign-option'}
              onMouseEnter={() => setActive(i)}
              onClick={() => void pick(c)}
            >
              <span className="status-bar" style={{ background: UNIT_STATUS_COLOR[u.status] }} />
              <span className="callsign">{u.callsign}</span>
              <span className="country" title={countryName(u.country, lang)}>
                {u.country}
              </span>
              <span className="kind">{t(`unitKind.${u.kind}`)}</span>
              <span className="status-pill" style={{ color: UNIT_STATUS_COLOR[u.status] }}>
                {c.workingOn
                  ? t('assign.workingOn', { reference: c.workingOn })
                  : t(`unitStatus.${u.status}`)}
              </span>
              <span className="distance">{c.distance !== null ? formatDistance(c.distance) : ''}</span>
            </li>
          );
        })}
        {shown.length === 0 && <li className="hint">{t('assign.noMatch')}</li>}
      </ul>
    </div>
  );
}
