// A supervisor changes the national alert level: the scale's levels, and a reason that is required
// (it is journaled and shown on every desk). A stale version answers with the level as it is now.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_SCALE_NAMES, ALERT_SCALES, type AlertLevel, type AlertScale } from '../../shared/awareness';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { useStoreApi } from '../state/hooks';
import { Dialog } from '../units/Dialog';
import { levelTone } from './tone';

export function AlertLevelDialog({ level, onClose }: { level: AlertLevel; onClose: () => void }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const [scale, setScale] = useState<AlertScale>(level.scale);
  const [chosen, setChosen] = useState(level.level);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unchanged = scale === level.scale && chosen === level.level;

  const pickScale = (next: AlertScale) => {
    setScale(next);
    setChosen(next === level.scale ? level.level : ALERT_SCALES[next][0]);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (unchanged) return setError(t('alertLevel.unchanged'));
    if (!reason.trim()) return setError(t('alertLevel.reasonRequired'));
    setBusy(true);
    setError(null);
    try {
      const after = await appClient().setAlertLevel({
        ...(scale !== level.scale && { scale }),
        level: chosen,
        reason: reason.trim(),
        version: level.version,
      });
      store.setState({ alertLevel: after });
      onClose();
    } catch (err) {
      const api = toApiError(err);
      if (api.code === 'conflict') void store.getState().loadAwareness(['alertLevel']);
      setError(api.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog testId="alert-level-dialog" title={t('alertLevel.dialogTitle')} onClose={onClose}>
      <form className="alert-level-form" onSubmit={(e) => void submit(e)}>
        <p className="hint">
          {t('alertLevel.current', {
            level: t(`alertLevel.level.${level.level}`, { defaultValue: level.level }),
            scale: t(`alertLevel.scale.${level.scale}`),
          })}
        </p>
        <label>
          <span>{t('alertLevel.scaleLabel')}</span>
          <select
            data-testid="alert-level-scale"
            value={scale}
            onChange={(e) => pickScale(e.target.value as AlertScale)}
          >
            {ALERT_SCALE_NAMES.map((s) => (
              <option key={s} value={s}>
                {t(`alertLevel.scale.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="alert-level-choices">
          <legend>{t('alertLevel.newLevel')}</legend>
          {ALERT_SCALES[scale].map((l) => (
            <label key={l} className={`alert-level-choice level-${levelTone(scale, l)}`}>
              <input
                type="radio"
                name="alert-level"
                value={l}
                data-testid={`alert-level-option-${l}`}
                checked={chosen === l}
                onChange={() => setChosen(l)}
              />
              <span>{t(`alertLevel.level.${l}`)}</span>
            </label>
          ))}
        </fieldset>
        <label>
          <span>{t('alertLevel.reason')}</span>
          <textarea
            data-testid="alert-level-reason"
            rows={3}
            maxLength={500}
            required
            placeholder={t('alertLevel.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="alert-level-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn-ghost" onClick={onClose}>
            {t('alertLevel.cancel')}
          </button>
          <button
            type="submit"
            className="btn-primary"
            data-testid="alert-level-submit"
            disabled={busy || unchanged || !reason.trim()}
            title={unchanged ? t('why.unchanged') : !reason.trim() ? t('why.reason') : undefined}
          >
            {t('alertLevel.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
