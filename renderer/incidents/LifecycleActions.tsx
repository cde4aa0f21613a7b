// The lifecycle buttons of an incident: only the actions allowed from its status (shared state
// machine), each with its one-key shortcut (use-shortcuts.ts presses the button). The next step is
// the big button; cancel asks for an optional reason, reopen for a required one, close for the
// outcome (one line, required); all kept in the journal. The reason form acts on the incident as it was when it
// opened: if another desk changed it meanwhile, the step is refused and the conflict shown.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../shared/domain';
import {
  ACTION_KEYS,
  TRANSITIONS,
  allowedActions,
  type IncidentAction,
} from '../../shared/incident-lifecycle';
import { ShortcutHint } from '../common/ShortcutHint';
import { useCan, useStoreApi, useVigie } from '../state/hooks';

/** The buttons that ask for a reason first. */
const ASKS_REASON: readonly IncidentAction[] = ['cancel', 'reopen', 'close'];

export function LifecycleActions({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const transition = useVigie((s) => s.transitionIncident);
  const [asking, setAsking] = useState<IncidentAction | null>(null);
  const [base, setBase] = useState<Incident | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const actions = allowedActions(incident.status);
  const canMove = useCan('transitionIncident');

  const run = async (action: IncidentAction, why?: string) => {
    setBusy(true);
    const ok = await transition(action, why?.trim() || undefined, base ?? undefined);
    setBusy(false);
    // Done, or refused because another desk moved first (the conflict banner offers to retry,
    // reason included). Otherwise (not signed in…) the form stays, reason kept, to confirm again.
    if (ok || store.getState().conflict) {
      setAsking(null);
      setReason('');
      setBase(null);
    }
  };

  if (!canMove) return null;
  if (asking) {
    const required = TRANSITIONS[asking].needsReason;
    return (
      <form
        className="reason-form"
        data-testid="reason-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!required || reason.trim()) void run(asking, reason);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setAsking(null);
          }
        }}
      >
        <label className="form-field">
          <span>
            {asking === 'close'
              ? t('lifecycle.outcomeRequired')
              : t(required ? 'lifecycle.reasonRequired' : 'lifecycle.reasonOptional', {
                  action: t(`lifecycle.${asking}`),
                })}
          </span>
          <input
            data-testid="reason-input"
            value={reason}
            maxLength={1000}
            autoFocus
            required={required}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <div className="form-actions">
          <button type="button" className="btn-ghost" onClick={() => setAsking(null)}>
            {t('lifecycle.back')}
          </button>
          <button
            type="submit"
            className={asking === 'cancel' ? 'btn-danger' : 'btn-primary'}
            data-testid="reason-confirm"
            disabled={busy || (required && !reason.trim())}
            title={required && !reason.trim() ? t('lifecycle.whyReason') : undefined}
          >
            {t(`lifecycle.${asking}`)}
          </button>
        </div>
      </form>
    );
  }

  if (actions.length === 0) return <p className="hint lifecycle-none">{t('lifecycle.none')}</p>;
  return (
    <div className="lifecycle" role="group" aria-label={t('lifecycle.label')}>
      {actions.map((a) => (
        <button
          key={a}
          type="button"
          data-testid={`action-${a}`}
          className={
            a === 'cancel' ? 'btn-danger-ghost' : a === 'reopen' ? 'btn-ghost' : 'btn-primary btn-next'
          }
          disabled={busy}
          onClick={() => {
            if (!ASKS_REASON.includes(a)) return void run(a);
            setBase(incident);
            setAsking(a);
          }}
        >
          {t(`lifecycle.${a}`)}
          {ACTION_KEYS[a] && <ShortcutHint keys={[ACTION_KEYS[a]]} />}
        </button>
      ))}
    </div>
  );
}
