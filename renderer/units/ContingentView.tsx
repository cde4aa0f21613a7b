// One contingent (getContingent): flag and country name in the UI language, agency, liaison
// officer and contact, working languages, arrival and departure, personnel, and its units with
// their status and last position.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContingentDetail } from '../../shared/domain';
import { formatClock, formatDayMonth } from '../../shared/time-format';
import { toApiError } from '../api';
import { useOperationClock } from '../clock/use-clock';
import { appClient } from '../lock/client';
import { UNIT_STATUS_VAR } from '../map/palette';
import { useUnits, useVigie } from '../state/hooks';
import { countryLabel } from './country';
import { Flag } from './Flag';
import { languageName } from './UnitBoard';
import { Dialog } from './Dialog';
import { useUnitsView } from './view-store';

export function ContingentView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { timeZone } = useOperationClock();
  const close = useUnitsView((s) => s.showContingent);
  const select = useVigie((s) => s.select);
  // Re-read when the units change (a status set elsewhere shows here too).
  const units = useUnits();
  const [detail, setDetail] = useState<ContingentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    appClient()
      .getContingent({ id })
      .then((d) => live && setDetail(d))
      .catch((err: unknown) => live && setError(toApiError(err).message));
    return () => {
      live = false;
    };
  }, [id, units]);

  const when = (at: string | null) =>
    at ? `${formatDayMonth(Date.parse(at), timeZone)} ${formatClock(Date.parse(at), timeZone, false)}` : '—';
  const c = detail?.contingent;

  return (
    <Dialog
      testId="contingent-view"
      title={c ? `${countryLabel(c.country, lang)} · ${c.agency}` : t('contingentView.title')}
      onClose={() => close(null)}
      wide
    >
      {error && <p className="form-error">{error}</p>}
      {!detail && !error && <p className="hint">{t('contingentView.loading')}</p>}
      {c && detail && (
        <>
          <div className="cv-head">
            <Flag code={c.country} lang={lang} size="large" />
            <div>
              <h3 data-testid="contingent-country">{countryLabel(c.country, lang)}</h3>
              <p className="muted">{c.agency}</p>
            </div>
          </div>
          <dl className="fields cv-fields">
            <div className="field">
              <dt>{t('contingentView.liaison')}</dt>
              <dd>{c.liaisonName ?? '—'}</dd>
            </div>
            <div className="field">
              <dt>{t('contingentView.contact')}</dt>
              <dd>{c.liaisonContact ?? '—'}</dd>
            </div>
            <div className="field">
              <dt>{t('contingentView.languages')}</dt>
              <dd>{c.languages.length ? c.languages.map((l) => languageName(l, lang)).join(', ') : '—'}</dd>
            </div>
            <div className="field">
              <dt>{t('contingentView.personnel')}</dt>
              <dd>{c.personnel}</dd>
            </div>
            <div className="field">
              <dt>{t('contingentView.arrival')}</dt>
              <dd>{when(c.arrival)}</dd>
            </div>
            <div className="field">
              <dt>{t('contingentView.departure')}</dt>
              <dd>{when(c.departure)}</dd>
            </div>
          </dl>
          <h4>{t('contingentView.units', { count: detail.units.length })}</h4>
          <table className="cv-units">
            <thead>
              <tr>
                <th>{t('contingentView.callsign')}</th>
                <th>{t('unit.kind')}</th>
                <th>{t('unit.status')}</th>
                <th>{t('unit.position')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.units.map((u) => (
                <tr key={u.id} data-testid="contingent-unit" data-callsign={u.callsign}>
                  <td>
                    <button type="button" className="link" onClick={() => select('unit', u.id, 'panel')}>
                      {u.callsign}
                    </button>
                  </td>
                  <td>{t(`unitKind.${u.kind}`)}</td>
                  <td style={{ color: UNIT_STATUS_VAR[u.status] }}>{t(`unitStatus.${u.status}`)}</td>
                  <td className="mono">
                    {u.lat !== null && u.lon !== null ? `${u.lat.toFixed(4)}, ${u.lon.toFixed(4)}` : '—'}
                    {u.positionAt && ` · ${formatClock(Date.parse(u.positionAt), timeZone, false)}`}
                    {u.positionStale && <span className="stale"> {t('contingentView.stale')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
