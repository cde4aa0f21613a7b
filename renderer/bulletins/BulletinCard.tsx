// One bulletin: severity, title, text, validity, marking and publisher; this desk's Acknowledge;
// for its publisher and supervisors, who has and has not acknowledged it, and Withdraw.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bulletinAckOverdue, type Bulletin } from '../../shared/awareness';
import { toApiError } from '../api';
import { useOperationClock } from '../clock/use-clock';
import { appClient } from '../lock/client';
import { hhmm } from '../map-tools/operation-time';
import { MarkingBadge } from '../marking/MarkingBadge';
import { useCan, useSession, useVigie } from '../state/hooks';
import { bulletinEnded, owedBy, sameDesk } from './state';

export function BulletinCard({ bulletin: b, now }: { bulletin: Bulletin; now: number }) {
  const { t } = useTranslation();
  const { timeZone } = useOperationClock();
  const operator = useSession()?.operator ?? null;
  const putBulletin = useVigie((s) => s.putBulletin);
  const showError = useVigie((s) => s.showError);
  const canAck = useCan('acknowledgeBulletin');
  const [busy, setBusy] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const at = (iso: string) => hhmm(iso, timeZone);
  const ended = bulletinEnded(b, now);
  const mine = operator !== null && sameDesk(b.publishedDesk, operator.desk);
  const oversees = mine || operator?.role === 'supervisor';
  const myAck = b.acks.find((a) => sameDesk(a.desk, operator?.desk));
  const owed = owedBy(b, operator?.desk, now);
  const overdue = !ended && bulletinAckOverdue(b, now);
  const total = b.acks.length + b.pending.length;

  const run = async (call: () => Promise<Bulletin>) => {
    setBusy(true);
    try {
      putBulletin(await call());
      setWithdrawing(false);
    } catch (err) {
      showError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`bulletin-card severity-${b.severity}${ended ? ' ended' : ''}${owed ? ' owed' : ''}`}
      data-testid="bulletin"
      data-id={b.id}
      data-severity={b.severity}
    >
      <div className="bulletin-head">
        <span className="bulletin-severity">{t(`bulletins.severity.${b.severity}`)}</span>
        <h3 className="bulletin-title" data-testid="bulletin-title">
          {b.title}
        </h3>
        <MarkingBadge marking={b.marking} />
      </div>
      <p className="bulletin-body">{b.body}</p>
      <p className="bulletin-meta">
        {b.withdrawnAt
          ? t('bulletins.withdrawn', { at: at(b.withdrawnAt) })
          : ended && b.validUntil
            ? t('bulletins.expired', { at: at(b.validUntil) })
            : t('bulletins.validity', {
                from: at(b.validFrom),
                until: b.validUntil ? at(b.validUntil) : t('bulletins.untilWithdrawn'),
              })}
        {' · '}
        {t('bulletins.published', { at: at(b.publishedAt), by: b.publishedBy, desk: b.publishedDesk })}
      </p>
      {overdue && (
        <p className="bulletin-overdue" data-testid="bulletin-overdue">
          {t('bulletins.overdue')}
        </p>
      )}
      {oversees && (
        <div className="bulletin-acks" data-testid="bulletin-acks">
          <strong data-testid="bulletin-ack-count">
            {t('bulletins.ackCount', { n: b.acks.length, m: total })}
          </strong>
          {b.acks.length > 0 && (
            <span className="bulletin-ack-list">
              {t('bulletins.ackedBy', {
                list: b.acks.map((a) => `${a.desk} (${a.operator}, ${at(a.at)})`).join(' · '),
              })}
            </span>
          )}
          {b.pending.length > 0 && (
            <span className="bulletin-pending-list" data-testid="bulletin-pending">
              {t('bulletins.pendingBy', { list: b.pending.join(' · ') })}
            </span>
          )}
        </div>
      )}
      <div className="bulletin-actions">
        {mine && <span className="hint">{t('bulletins.yours')}</span>}
        {myAck && (
          <span className="bulletin-acked" data-testid="bulletin-acked">
            ✓ {t('bulletins.acknowledgedAt', { at: at(myAck.at) })}
          </span>
        )}
        {owed && canAck && (
          <button
            type="button"
            className="btn-primary btn-small"
            data-testid="bulletin-ack"
            disabled={busy}
            onClick={() => void run(() => appClient().acknowledgeBulletin({ id: b.id }))}
          >
            {t('bulletins.acknowledge')}
          </button>
        )}
        {oversees && !ended && !withdrawing && (
          <button
            type="button"
            className="btn-danger-ghost btn-small"
            data-testid="bulletin-withdraw"
            onClick={() => setWithdrawing(true)}
          >
            {t('bulletins.withdraw')}
          </button>
        )}
      </div>
      {withdrawing && (
        <form
          className="bulletin-withdraw"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() =>
              appClient().withdrawBulletin({ id: b.id, version: b.version, reason: reason.trim() }),
            );
          }}
        >
          <input
            aria-label={t('bulletins.withdrawReason')}
            placeholder={t('bulletins.withdrawReason')}
            data-testid="bulletin-withdraw-reason"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="btn-danger btn-small" disabled={busy || !reason.trim()}>
            {t('bulletins.confirmWithdraw')}
          </button>
          <button type="button" className="btn-ghost btn-small" onClick={() => setWithdrawing(false)}>
            {t('bulletins.form.cancel')}
          </button>
        </form>
      )}
    </li>
  );
}
