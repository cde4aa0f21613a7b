// A watch officer or supervisor publishes a bulletin: title, text, severity, how long it stays in
// force, how soon every desk should acknowledge it, and who it is released to.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BULLETIN_LIMITS } from '../../shared/api/bulletins';
import { BULLETIN_SEVERITIES, type BulletinSeverity } from '../../shared/awareness';
import type { Marking } from '../../shared/releasability';
import { toApiError } from '../api';
import { useOperationClock } from '../clock/use-clock';
import { appClient } from '../lock/client';
import { hhmm } from '../map-tools/operation-time';
import { MarkingPicker } from '../marking/MarkingPicker';
import { useVigie } from '../state/hooks';

const HOURS = [1, 2, 4, 8, 12, 24] as const;

export function PublishBulletinForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { clock, timeZone } = useOperationClock();
  const putBulletin = useVigie((s) => s.putBulletin);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [severity, setSeverity] = useState<BulletinSeverity>('warning');
  const [hours, setHours] = useState(0);
  const [ackWithin, setAckWithin] = useState('15');
  const [marking, setMarking] = useState<Marking | undefined>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const now = clock.now();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const b = await appClient().publishBulletin({
        title: title.trim(),
        body: body.trim(),
        severity,
        validUntil: hours ? new Date(clock.now() + hours * 3600_000).toISOString() : null,
        ackWithinMinutes: Number(ackWithin),
        ...(marking !== undefined && { marking: marking && [...marking] }),
      });
      putBulletin(b);
      onDone();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="bulletin-form" data-testid="bulletin-form" onSubmit={(e) => void submit(e)}>
      <label className="form-field">
        <span>{t('bulletins.form.title')}</span>
        <input
          data-testid="bulletin-form-title"
          required
          maxLength={BULLETIN_LIMITS.title}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="form-field">
        <span>{t('bulletins.form.body')}</span>
        <textarea
          data-testid="bulletin-form-body"
          required
          rows={4}
          maxLength={BULLETIN_LIMITS.body}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <div className="form-row">
        <label className="form-field">
          <span>{t('bulletins.form.severity')}</span>
          <select
            data-testid="bulletin-form-severity"
            value={severity}
            onChange={(e) => setSeverity(e.target.value as BulletinSeverity)}
          >
            {BULLETIN_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`bulletins.severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>{t('bulletins.form.ackWithin')}</span>
          <input
            type="number"
            data-testid="bulletin-form-ack"
            min={1}
            max={BULLETIN_LIMITS.ackWithinMinutes}
            required
            value={ackWithin}
            onChange={(e) => setAckWithin(e.target.value)}
          />
        </label>
      </div>
      <label className="form-field">
        <span>{t('bulletins.form.validUntil')}</span>
        <select
          data-testid="bulletin-form-until"
          value={hours}
          onChange={(e) => setHours(Number(e.target.value))}
        >
          <option value={0}>{t('bulletins.form.untilWithdrawn')}</option>
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {t('bulletins.form.forHours', { count: h, at: hhmm(now + h * 3600_000, timeZone) })}
            </option>
          ))}
        </select>
      </label>
      <MarkingPicker value={marking ?? null} onChange={setMarking} />
      {error && (
        <p className="form-error" role="alert" data-testid="bulletin-form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn-ghost" onClick={onDone}>
          {t('bulletins.form.cancel')}
        </button>
        <button
          type="submit"
          className="btn-primary"
          data-testid="bulletin-form-submit"
          disabled={busy || !title.trim() || !body.trim() || marking === undefined}
        >
          {t('bulletins.form.submit')}
        </button>
      </div>
    </form>
  );
}
