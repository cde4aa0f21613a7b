// The ceremony route tracker: where the head and tail of the parade are at the tracker's time, a
// time slider from 15 minutes before the planned start to the expected end (computed locally while
// it moves; "Now" returns to the operation clock), the bridges with planned and expected times in
// operation time, the delay, passed flags and the units posted on each, and the officers' reports of
// the head ("head at [bridge] at [HH:MM]"), each retractable.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParadeActual, ParadeView } from '../../shared/api/map';
import type { ParadeState } from '../../shared/parade';
import { toApiError } from '../api';
import { useCan, useStoreApi } from '../state/hooks';
import { mapClient } from './client';
import { hhmm, instantAt } from './operation-time';
import { zoneLabel } from '../../shared/report/format';

export const SLIDER_LEAD_MS = 15 * 60_000;

interface Props {
  view: ParadeView | null;
  state: ParadeState | null;
  error: string | null;
  /** The tracker's time, and whether it follows the operation clock. */
  at: number;
  live: boolean;
  now: number;
  timeZone: string;
  onScrub: (at: number | null) => void;
  reload: () => void;
}

const delayText = (m: number) => (m > 0 ? `+${Math.round(m)}` : `${Math.round(m)}`);

export function ParadePanel({ view, state, error, at, live, now, timeZone, onScrub, reload }: Props) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const mayWrite = useCan('recordParadeActual');
  const [bridge, setBridge] = useState('');
  const [time, setTime] = useState('');
  const [busy, setBusy] = useState(false);

  if (error && !view) return <p className="parade-empty">{error}</p>;
  if (!view) return <p className="parade-empty">{t('mapTools.parade.loading')}</p>;
  if (!view.plan || !state) return <p className="parade-empty">{t('mapTools.parade.noPlan')}</p>;

  const start = Date.parse(view.plan.start) - SLIDER_LEAD_MS;
  const end = Math.max(Date.parse(state.finish.expectedTailAt), start + 60_000);
  const posts = new Map(view.posts.map((p) => [p.name, p.units]));
  const headBridge = [...state.bridges].reverse().find((b) => b.headPassed)?.name ?? null;

  const write = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
      reload();
      return true;
    } catch (err) {
      store.getState().showError(toApiError(err).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const record = async () => {
    const ms = instantAt(time, now, timeZone);
    if (!bridge || ms === null) {
      store.getState().showError(t('mapTools.parade.badReport'));
      return;
    }
    if (await write(() => mapClient().recordParadeActual({ bridge, at: new Date(ms).toISOString() })))
      setTime('');
  };
  const retract = (a: ParadeActual) => void write(() => mapClient().retractParadeActual({ id: a.id }));

  return (
    <div className="parade" data-testid="parade-panel">
      <div className="parade-summary">
        <strong data-testid="parade-phase">{t(`mapTools.parade.phase.${state.phase}`)}</strong>
        <span data-testid="parade-head">
          {t('mapTools.parade.head', {
            km: state.head.chainageKm.toFixed(2),
            total: state.routeKm.toFixed(1),
          })}
          {headBridge ? ` · ${headBridge}` : ''}
        </span>
        <span>{t('mapTools.parade.tail', { km: state.tail.chainageKm.toFixed(2) })}</span>
        <span className={state.basis === 'actual' ? 'parade-basis actual' : 'parade-basis'}>
          {t(`mapTools.parade.basis.${state.basis}`)}
        </span>
      </div>
      <div className="parade-time">
        <span className="parade-clock" data-testid="parade-time">
          {hhmm(at, timeZone)}
          {!live && <em> · {t('mapTools.parade.scrubbing')}</em>}
        </span>
        <input
          type="range"
          data-testid="parade-slider"
          aria-label={t('mapTools.parade.slider')}
          min={Math.floor(start / 1000)}
          max={Math.ceil(end / 1000)}
          step={30}
          value={Math.round(Math.min(Math.max(at, start), end) / 1000)}
          onChange={(e) => onScrub(Number(e.target.value) * 1000)}
        />
        <button type="button" data-testid="parade-now" disabled={live} onClick={() => onScrub(null)}>
          {t('mapTools.parade.now')}
        </button>
      </div>
      <table className="parade-bridges">
        <thead>
          <tr>
            <th>{t('mapTools.parade.bridge')}</th>
            <th>{t('mapTools.parade.planned')}</th>
            <th>{t('mapTools.parade.expected')}</th>
            <th>{t('mapTools.parade.units')}</th>
          </tr>
        </thead>
        <tbody>
          {state.bridges.map((b) => {
            const units = posts.get(b.name) ?? [];
            return (
              <tr
                key={b.name}
                data-testid="parade-bridge"
                data-name={b.name}
                data-passed={b.headPassed}
                className={b.tailPassed ? 'passed' : b.headPassed ? 'passing' : ''}
              >
                <td>
                  {b.headPassed && <span aria-label={t('mapTools.parade.passed')}>✓ </span>}
                  {b.name}
                </td>
                <td className="mono">{hhmm(b.plannedHeadAt, timeZone)}</td>
                <td className="mono">
                  {hhmm(b.expectedHeadAt, timeZone)}
                  {Math.abs(b.headDelayMinutes) >= 1 && (
                    <span className={b.headDelayMinutes > 0 ? 'delay late' : 'delay early'}>
                      {delayText(b.headDelayMinutes)}′
                    </span>
                  )}
                </td>
                <td className="parade-units" title={units.map((u) => u.callsign).join(', ')}>
                  {units.length ? units.map((u) => u.callsign).join(' ') : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        className="parade-report"
        onSubmit={(e) => {
          e.preventDefault();
          void record();
        }}
      >
        <span>{t('mapTools.parade.reportHead')}</span>
        <select
          data-testid="parade-report-bridge"
          aria-label={t('mapTools.parade.bridge')}
          value={bridge}
          onChange={(e) => setBridge(e.target.value)}
        >
          <option value="">—</option>
          {state.bridges.map((b) => (
            <option key={b.name} value={b.name}>
              {b.name}
            </option>
          ))}
        </select>
        <span>{t('mapTools.parade.at')}</span>
        <input
          data-testid="parade-report-time"
          aria-label={t('mapTools.parade.time', { zone: zoneLabel(timeZone) })}
          placeholder="HH:MM"
          size={5}
          value={time}
          onChange={(e) => setTime(e.target.value)}
        />
        <button type="submit" data-testid="parade-report-submit" disabled={!mayWrite || busy}>
          {t('mapTools.parade.record')}
        </button>
      </form>
      {view.actuals.length > 0 && (
        <ul className="parade-actuals">
          {view.actuals.map((a) => (
            <li key={a.id} data-testid="parade-actual">
              <span className="mono">{hhmm(a.at, timeZone)}</span>{' '}
              {a.bridge ?? `${a.chainageKm.toFixed(2)} km`} · {a.operator}
              <button
                type="button"
                data-testid="parade-retract"
                disabled={!mayWrite || busy}
                onClick={() => retract(a)}
              >
                {t('mapTools.parade.retract')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
