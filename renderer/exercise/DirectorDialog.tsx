// The exercise director's view (supervisors, top bar → Exercise): the clock's controls (start,
// pause, resume, 1×/2×/5×, reset after a confirmation) and the script of injects, coming ones with
// their time and countdown (Fire now, Skip) and those fired, skipped or failed. The services check
// and journal every change; this view only asks, and re-reads on each change the live feed brings.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockRate } from '../../shared/clock';
import { CLOCK_RATES } from '../../shared/clock';
import type { ClockAction, ExerciseClock, Inject } from '../../shared/exercise';
import { formatClock } from '../../shared/time-format';
import { toApiError } from '../api';
import { useNow, useOperationClock } from '../clock/use-clock';
import { appClient } from '../lock/client';
import { useVigie } from '../state/hooks';
import { Dialog } from '../units/Dialog';
import { useUnitsView } from '../units/view-store';
import { InjectRow } from './InjectRow';
import './exercise.css';

const read = () => Promise.all([appClient().getExerciseClock({}), appClient().listInjects({})]);

export function DirectorDialog() {
  const { t } = useTranslation();
  const open = useUnitsView((s) => s.open);
  const seq = useVigie((s) => s.exerciseSeq);
  const { clock, timeZone } = useOperationClock();
  const now = useNow(clock);
  const [state, setState] = useState<ExerciseClock | null>(null);
  const [injects, setInjects] = useState<Inject[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);

  const load = useCallback(async () => {
    try {
      const [c, list] = await read();
      setState(c);
      setInjects(list);
    } catch (err) {
      setError(toApiError(err).message);
    }
  }, []);
  // Again on each change the live feed brings (seq): a pause on another desk, an inject fired.
  useEffect(() => {
    let live = true;
    read()
      .then(([c, list]) => {
        if (!live) return;
        setState(c);
        setInjects(list);
      })
      .catch((err: unknown) => live && setError(toApiError(err).message));
    return () => {
      live = false;
    };
  }, [seq]);

  const run = async (task: () => Promise<unknown>) => {
    try {
      await task();
      setError(null);
    } catch (err) {
      setError(toApiError(err).message);
    }
    await load();
  };
  const control = (action: ClockAction) =>
    run(() => appClient().controlExerciseClock({ action, version: state?.version ?? 0 }));
  const rate = (r: ClockRate) =>
    run(() => appClient().setExerciseRate({ rate: r, version: state?.version ?? 0 }));

  const paused = state?.state === 'paused';
  const coming = injects.filter((i) => i.status === 'pending');
  // The latest played in or skipped first.
  const done = injects
    .filter((i) => i.status !== 'pending')
    .sort((x, y) => (y.doneAt ?? '').localeCompare(x.doneAt ?? '') || y.at.localeCompare(x.at));
  return (
    <Dialog testId="director-dialog" title={t('exercise.title')} onClose={() => open(null)} wide>
      <section className="director-clock" aria-label={t('exercise.clock')}>
        <div className="director-now">
          <time data-testid="director-now">{formatClock(now, timeZone)}</time>
          <span className={paused ? 'director-state paused' : 'director-state'} data-testid="director-state">
            {state ? (paused ? t('exercise.paused') : t('exercise.running', { rate: state.rate })) : '…'}
          </span>
        </div>
        <div className="director-controls">
          {state && paused && (
            <button
              type="button"
              className="btn-primary"
              data-testid="clock-resume"
              onClick={() => void control(state.started ? 'resume' : 'start')}
            >
              {state.started ? t('exercise.resume') : t('exercise.start')}
            </button>
          )}
          {state && !paused && (
            <button
              type="button"
              className="btn-primary"
              data-testid="clock-pause"
              onClick={() => void control('pause')}
            >
              {t('exercise.pause')}
            </button>
          )}
          <div className="director-rates" role="group" aria-label={t('exercise.speed')}>
            {CLOCK_RATES.map((r) => (
              <button
                key={r}
                type="button"
                className="btn-ghost"
                data-testid={`clock-rate-${r}`}
                aria-pressed={state?.rate === r}
                disabled={!state || state.rate === r}
                onClick={() => void rate(r)}
              >
                {r}×
              </button>
            ))}
          </div>
          {!confirmReset && (
            <button
              type="button"
              className="btn-ghost"
              data-testid="clock-reset"
              onClick={() => setConfirmReset(true)}
            >
              {t('exercise.reset')}
            </button>
          )}
          {confirmReset && state && (
            <div className="director-confirm" role="alertdialog" aria-label={t('exercise.reset')}>
              <p>
                {t('exercise.resetConfirm', {
                  at: formatClock(Date.parse(state.scenarioStart), timeZone, false),
                })}
              </p>
              <button
                type="button"
                className="btn-danger"
                data-testid="clock-reset-confirm"
                onClick={() => {
                  setConfirmReset(false);
                  void control('reset');
                }}
              >
                {t('exercise.resetDo')}
              </button>
              <button type="button" className="btn-ghost" onClick={() => setConfirmReset(false)}>
                {t('exercise.cancel')}
              </button>
            </div>
          )}
        </div>
      </section>
      {error && (
        <p className="director-error" role="alert" data-testid="director-error">
          {error}
        </p>
      )}
      <section className="director-injects">
        <h3>{t('exercise.coming', { count: coming.length })}</h3>
        {coming.length === 0 && <p className="hint">{t('exercise.noneComing')}</p>}
        <ul className="inject-list" data-testid="injects-coming">
          {coming.map((i) => (
            <InjectRow
              key={i.id}
              inject={i}
              now={now}
              timeZone={timeZone}
              onFire={() => void run(() => appClient().fireInject({ id: i.id, version: i.version }))}
              onSkip={() => void run(() => appClient().skipInject({ id: i.id, version: i.version }))}
            />
          ))}
        </ul>
        {done.length > 0 && <h3>{t('exercise.done', { count: done.length })}</h3>}
        <ul className="inject-list done" data-testid="injects-done">
          {done.map((i) => (
            <InjectRow key={i.id} inject={i} now={now} timeZone={timeZone} />
          ))}
        </ul>
      </section>
    </Dialog>
  );
}
