// The assign picker's questions: take a unit off the incident it works, or send a dog past its rest.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSuggestion } from '../../shared/api/units';

/** What waits for the desk's answer, and what was already confirmed on the way. */
export type Pending =
  | { s: UnitSuggestion; kind: 'reassign'; reference: string | null; rest: boolean }
  | { s: UnitSuggestion; kind: 'rest'; restDue: string; reassign: boolean };

export function AssignConfirm({
  pending,
  reference,
  time,
  busy,
  onKeyDown,
  onCancel,
  onConfirm,
}: {
  pending: Pending;
  /** The incident the unit would be assigned to. */
  reference: string;
  time: (iso: string) => string;
  busy: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const ok = useRef<HTMLButtonElement>(null);
  useEffect(() => ok.current?.focus(), [pending]);
  const callsign = pending.s.unit.callsign;
  const rest = pending.kind === 'rest';
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="assign-confirm-text"
      data-testid={rest ? 'rest-confirm' : 'reassign-confirm'}
      onKeyDown={onKeyDown}
    >
      <p id="assign-confirm-text">
        {pending.kind === 'rest'
          ? t('k9rest.question', { callsign, time: time(pending.restDue) })
          : t('assign.reassignQuestion', { callsign, from: pending.reference ?? '?', to: reference })}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="btn-ghost"
          data-testid={rest ? 'rest-cancel' : 'reassign-cancel'}
          onClick={onCancel}
        >
          {rest ? t('k9rest.letRest') : t('assign.keep')}
        </button>
        <button
          ref={ok}
          type="button"
          className="btn-primary"
          data-testid={rest ? 'rest-ok' : 'reassign-ok'}
          disabled={busy}
          onClick={onConfirm}
        >
          {rest ? t('k9rest.assignAnyway') : t('assign.reassign', { callsign })}
        </button>
      </div>
    </div>
  );
}
