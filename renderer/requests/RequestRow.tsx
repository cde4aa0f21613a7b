// One request: from → to, the text, its by-time with the minutes left, its status, the incident it
// is about (a click opens it), and the actions this desk may take: accept, decline (with a
// reason) or done for the receiver, cancel for the sender. Overdue requests are red on both sides.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestIsOpen, requestOverdue, type DeskRequest } from '../../shared/awareness';
import { formatClock } from '../../shared/time-format';
import { useVigie } from '../state/hooks';
import { minutesLeft } from './requests';
import { useRequestActions } from './use-request-actions';

interface Props {
  request: DeskRequest;
  now: number;
  timeZone: string;
  /** This desk may answer it (the receiver, or a supervisor). */
  mayAnswer: boolean;
  /** This desk may cancel it (the sender, or a supervisor). */
  mayCancel: boolean;
}

export function RequestRow({ request: r, now, timeZone, mayAnswer, mayCancel }: Props) {
  const { t } = useTranslation();
  const select = useVigie((s) => s.select);
  const setTab = useVigie((s) => s.setTab);
  const { busy, answer, cancel } = useRequestActions();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const overdue = requestOverdue(r, now);
  const open = requestIsOpen(r);
  const target = r.target.kind === 'role' ? t(`roles.${r.target.value}`, r.target.value) : r.targetLabel;

  const openIncident = (id: string) => {
    select('incident', id, 'panel');
    // Selecting an incident shows the board; the officer stays on the requests.
    setTab('requests');
  };

  return (
    <li
      className={`request-row${overdue ? ' overdue' : ''}${open ? '' : ' closed'}`}
      data-testid="request-row"
      data-status={r.status}
      data-overdue={overdue || undefined}
    >
      <div className="request-head">
        <span className="request-route">
          {r.fromDesk} → {target}
        </span>
        <span className={`request-status status-${r.status}`} data-testid="request-status">
          {overdue ? t('requests.overdue') : t(`requests.status.${r.status}`)}
        </span>
      </div>
      <p className="request-text">{r.text}</p>
      <div className="request-meta">
        {r.byAt && (
          <span className="request-by" data-testid="request-by">
            {t('requests.by', { time: formatClock(Date.parse(r.byAt), timeZone, false) })}
            {open && <RemainingMinutes left={minutesLeft(r.byAt, now)} />}
          </span>
        )}
        {r.incidentId && r.incidentReference && (
          <button
            type="button"
            className="btn-link request-incident"
            data-testid="request-incident"
            onClick={() => openIncident(r.incidentId as string)}
          >
            {r.incidentReference}
          </button>
        )}
        <span className="request-from">{r.fromOperator}</span>
      </div>
      {r.status === 'declined' && r.reason && (
        <p className="request-reason">{t('requests.reason', { reason: r.reason })}</p>
      )}
      {!open && r.answeredBy && (
        <p className="request-answered">
          {t('requests.answeredBy', {
            status: t(`requests.status.${r.status}`),
            name: r.answeredBy,
            desk: r.answeredDesk ?? '',
          })}
        </p>
      )}
      {open && declining && (
        <form
          className="reason-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim())
              void answer({ id: r.id, version: r.version, answer: 'decline', reason: reason.trim() }).then(
                (ok) => ok && setDeclining(false),
              );
          }}
        >
          <label className="form-field">
            <span>{t('requests.declineReason')}</span>
            <input
              data-testid="request-decline-reason"
              value={reason}
              maxLength={500}
              autoFocus
              required
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <div className="form-actions">
            <button type="button" className="btn-ghost" onClick={() => setDeclining(false)}>
              {t('requests.back')}
            </button>
            <button
              type="submit"
              className="btn-danger"
              data-testid="request-decline-confirm"
              disabled={busy || !reason.trim()}
              title={reason.trim() ? undefined : t('why.reason')}
            >
              {t('requests.decline')}
            </button>
          </div>
        </form>
      )}
      {open && !declining && (mayAnswer || mayCancel) && (
        <div className="request-actions">
          {mayAnswer && r.status === 'open' && (
            <button
              type="button"
              className="btn-primary"
              data-testid="request-accept"
              disabled={busy}
              onClick={() => void answer({ id: r.id, version: r.version, answer: 'accept' })}
            >
              {t('requests.accept')}
            </button>
          )}
          {mayAnswer && (
            <button
              type="button"
              className="btn-ghost"
              data-testid="request-done"
              disabled={busy}
              onClick={() => void answer({ id: r.id, version: r.version, answer: 'done' })}
            >
              {t('requests.done')}
            </button>
          )}
          {mayAnswer && (
            <button
              type="button"
              className="btn-danger-ghost"
              data-testid="request-decline"
              disabled={busy}
              onClick={() => setDeclining(true)}
            >
              {t('requests.decline')}
            </button>
          )}
          {mayCancel && (
            <button
              type="button"
              className="btn-danger-ghost"
              data-testid="request-cancel"
              disabled={busy}
              onClick={() => void cancel({ id: r.id, version: r.version })}
            >
              {t('requests.cancel')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function RemainingMinutes({ left }: { left: number }) {
  const { t } = useTranslation();
  return (
    <span className="request-left">
      {left >= 0 ? t('requests.minutesLeft', { count: left }) : t('requests.minutesLate', { count: -left })}
    </span>
  );
}
