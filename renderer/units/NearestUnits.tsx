// The available units nearest an incident (nearestUnits), filtered by kind and contingent language,
// with straight-line distance and minutes on foot. One click assigns (the incident must be the one
// open in the incident pane); a unit already working another incident asks to confirm the move.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NearestUnit } from '../../shared/api/units';
import { UNIT_KINDS, type Incident, type UnitKind } from '../../shared/domain';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { useUnits, useVigie } from '../state/hooks';
import { Flag } from './Flag';
import { languageName } from './UnitBoard';

const formatDistance = (m: number) =>
  m < 1000 ? `${Math.round(m / 10) * 10} m` : `${(m / 1000).toFixed(1)} km`;

export function NearestUnits({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const assign = useVigie((s) => s.assignUnit);
  const contingents = useVigie((s) => s.contingents);
  const units = useUnits();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<UnitKind | ''>('');
  const [language, setLanguage] = useState('');
  const [rows, setRows] = useState<NearestUnit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{
    unitId: string;
    callsign: string;
    reference: string | null;
  } | null>(null);
  const languages = useMemo(
    () => [...new Set(contingents.flatMap((c) => c.languages))].sort(),
    [contingents],
  );

  useEffect(() => {
    if (!open) return;
    let live = true;
    appClient()
      .nearestUnits({
        incidentId: incident.id,
        limit: 10,
        ...(kind ? { kind } : {}),
        ...(language ? { language } : {}),
      })
      .then((r) => {
        if (!live) return;
        setRows(r);
        setError(null);
      })
      .catch((err: unknown) => live && setError(toApiError(err).message));
    return () => {
      live = false;
    };
  }, [open, incident.id, incident.version, kind, language, units]);

  const doAssign = async (unitId: string, callsign: string, confirmed: boolean) => {
    setBusy(unitId);
    const r = await assign(unitId, confirmed);
    setBusy(null);
    if (!r.ok && r.needsConfirmation) setConfirm({ unitId, callsign, reference: r.reference });
    else setConfirm(null);
  };

  if (!open)
    return (
      <button type="button" className="btn-ghost" data-testid="nearest-open" onClick={() => setOpen(true)}>
        {t('nearest.open')}
      </button>
    );

  return (
    <section className="pane-section nearest" data-testid="nearest-units" aria-labelledby="nearest-title">
      <h3 id="nearest-title">
        {t('nearest.title')}
        <button
          type="button"
          className="btn-icon"
          aria-label={t('panel.close')}
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </h3>
      <div className="nearest-filters">
        <select
          aria-label={t('uboard.kind')}
          data-testid="nearest-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as UnitKind | '')}
        >
          <option value="">{t('nearest.anyKind')}</option>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`unitKind.${k}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('uboard.language')}
          data-testid="nearest-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        >
          <option value="">{t('nearest.anyLanguage')}</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l, lang)}
            </option>
          ))}
        </select>
      </div>
      {error && <p className="form-error">{error}</p>}
      {confirm && (
        <div className="nearest-confirm" role="alert" data-testid="nearest-confirm">
          <span>
            {t('nearest.confirm', { callsign: confirm.callsign, reference: confirm.reference ?? '—' })}
          </span>
          <button
            type="button"
            className="btn-primary btn-small"
            data-testid="nearest-confirm-yes"
            onClick={() => void doAssign(confirm.unitId, confirm.callsign, true)}
          >
            {t('nearest.reassign')}
          </button>
          <button type="button" className="btn-ghost btn-small" onClick={() => setConfirm(null)}>
            {t('nearest.cancel')}
          </button>
        </div>
      )}
      {rows && rows.length === 0 && <p className="hint">{t('nearest.none')}</p>}
      {rows && rows.length > 0 && (
        <ul className="nearest-list">
          {rows.map((r) => (
            <li key={r.unit.id} data-testid="nearest-unit" data-callsign={r.unit.callsign}>
              <span className="callsign">{r.unit.callsign}</span>
              <Flag code={r.unit.country} lang={lang} />
              <span className="kind">{t(`unitKind.${r.unit.kind}`)}</span>
              <span className="mono nearest-dist">{formatDistance(r.distanceM)}</span>
              <span className="nearest-walk">{t('nearest.walk', { count: r.walkMinutes })}</span>
              <button
                type="button"
                className="btn-primary btn-small"
                data-testid="nearest-assign"
                disabled={busy !== null}
                onClick={() => void doAssign(r.unit.id, r.unit.callsign, false)}
              >
                {t('nearest.assign')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
