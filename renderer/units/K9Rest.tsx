// A dog team's rest on screen: a badge (rest time; amber within 15 minutes of it, red once past)
// for lists, and the unit card's field where the desk marks the dog rested or sets the time.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../shared/domain';
import { k9Rest, type K9RestState } from '../../shared/k9-rest';
import { formatClock } from '../../shared/time-format';
import { useNow, useOperationClock } from '../clock/use-clock';
import { fromWall, toWall } from '../handover/zone-time';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { useMayChangeUnit, useStoreApi } from '../state/hooks';

export function useK9Rest(unit: Pick<Unit, 'kind' | 'k9'>): { rest: K9RestState | null; timeZone: string } {
  const { clock, timeZone } = useOperationClock();
  const now = useNow(clock);
  return { rest: k9Rest(unit, now), timeZone };
}

/** The words of a rest state; null when there is nothing to say (not a dog, or no time set). */
export function useRestText(rest: K9RestState | null, timeZone: string): string | null {
  const { t } = useTranslation();
  if (!rest || rest.restDue === null || rest.minutesLeft === null) return null;
  const time = formatClock(Date.parse(rest.restDue), timeZone, false);
  if (rest.level === 'due') return t('k9rest.past', { time });
  if (rest.level === 'soon') return t('k9rest.soon', { minutes: rest.minutesLeft + 1, time });
  return t('k9rest.at', { time });
}

/** Compact: for a one-line list row, the full words in its title. */
export function K9RestBadge({ unit, compact }: { unit: Pick<Unit, 'kind' | 'k9'>; compact?: boolean }) {
  const { t } = useTranslation();
  const { rest, timeZone } = useK9Rest(unit);
  const text = useRestText(rest, timeZone);
  if (!rest || !text || rest.restDue === null) return null;
  const time = formatClock(Date.parse(rest.restDue), timeZone, false);
  const short =
    rest.level === 'soon'
      ? t('k9rest.short.soon', { minutes: (rest.minutesLeft ?? 0) + 1 })
      : t(`k9rest.short.${rest.level === 'due' ? 'past' : 'at'}`, { time });
  return (
    <span
      className={`k9-rest k9-rest-${rest.level}`}
      data-testid="k9-rest"
      data-level={rest.level}
      title={compact ? text : undefined}
    >
      {compact ? short : text}
    </span>
  );
}

/** A list row's last cell: a dog's rest warning when it is due soon or past, else `otherwise`. */
export function RestWarningOr({ unit, children }: { unit: Pick<Unit, 'kind' | 'k9'>; children: ReactNode }) {
  const { rest } = useK9Rest(unit);
  return rest?.level === 'soon' || rest?.level === 'due' ? <K9RestBadge unit={unit} compact /> : children;
}

/** The unit card's rest field: only for dog teams. */
export function K9RestField({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const { clock } = useOperationClock();
  const { rest, timeZone } = useK9Rest(unit);
  const text = useRestText(rest, timeZone);
  const may = useMayChangeUnit(unit, 'setK9Rest');
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!rest) return null;

  const send = async (input: { rested: true } | { restDue: string | null }) => {
    setError(null);
    try {
      await appClient().setK9Rest({ id: unit.id, version: unit.version, ...input });
      setTime('');
      void store.getState().refresh();
    } catch (err) {
      setError(toApiError(err).message);
    }
  };
  // A time of day in the operation's zone: today, or tomorrow when it is more than 12 hours past.
  const setAt = () => {
    const now = clock.now();
    const today = toWall(now, timeZone).slice(0, 10);
    let iso = fromWall(`${today}T${time}`, timeZone);
    if (iso && Date.parse(iso) < now - 12 * 3_600_000)
      iso = new Date(Date.parse(iso) + 86_400_000).toISOString();
    if (iso) void send({ restDue: iso });
  };

  return (
    <div className="field field-wide" data-testid="k9-rest-field">
      <dt>{t('k9rest.label')}</dt>
      <dd>
        <span className={`k9-rest k9-rest-${rest.level}`} data-testid="k9-rest" data-level={rest.level}>
          {text ?? t('k9rest.unset')}
        </span>
        {may && (
          <span className="k9-rest-actions">
            <button
              type="button"
              className="btn-ghost btn-small"
              data-testid="k9-rested"
              onClick={() => void send({ rested: true })}
            >
              {t('k9rest.rested')}
            </button>
            <input
              type="time"
              aria-label={t('k9rest.time')}
              data-testid="k9-rest-time"
              value={time}
              onChange={(e) => setTime(e.target.value)}
            />
            <button
              type="button"
              className="btn-ghost btn-small"
              data-testid="k9-rest-set"
              disabled={!time}
              title={time ? undefined : t('k9rest.setHint')}
              onClick={setAt}
            >
              {t('k9rest.set')}
            </button>
          </span>
        )}
        {error && (
          <span className="form-error" role="alert">
            {error}
          </span>
        )}
      </dd>
    </div>
  );
}
