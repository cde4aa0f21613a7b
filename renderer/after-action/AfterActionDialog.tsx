// The after-action report from the settings: a window in the operation's time zone (by default the
// last 24 hours of the operation clock), the format and the report's language → a preview of the
// HTML in a sandboxed frame, or the file downloaded. The service computes and renders it
// (exportAfterAction, host staff only); the dialog only asks and saves.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AFTER_ACTION_FORMATS, type AfterActionFormat } from '../../shared/api/afterAction';
import type { ReportLang } from '../../shared/report/model';
import { toApiError } from '../api';
import { useOperationClock } from '../clock/use-clock';
import { currentLanguage } from '../i18n';
import { appClient } from '../lock/client';
import { Dialog } from '../units/Dialog';
import { useUnitsView } from '../units/view-store';
import { downloadBase64 } from '../handover/download';
import { fromWallText, toWallText } from '../handover/zone-time';
import { TextField } from '../panels/TextField';
import { ReportPreview } from '../handover/ReportPreview';

const DAY = 24 * 3_600_000;

/** The HTML a base64 export holds, as text (UTF-8). */
const htmlOf = (base64: string): string =>
  new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));

export function AfterActionDialog() {
  const { t } = useTranslation();
  const { clock, timeZone } = useOperationClock();
  const open = useUnitsView((s) => s.open);
  const [from, setFrom] = useState(() => toWallText(clock.now() - DAY, timeZone));
  const [to, setTo] = useState(() => toWallText(clock.now(), timeZone));
  const [format, setFormat] = useState<AfterActionFormat>('pdf');
  const [lang, setLang] = useState<ReportLang>(currentLanguage() === 'fr' ? 'fr' : 'en');
  const [preview, setPreview] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** The window as the service takes it, or what is wrong with it, in the console's language. */
  const window = (): { from: string; to: string } | string => {
    const f = fromWallText(from, timeZone);
    const tt = fromWallText(to, timeZone);
    if (!f) return t('afterAction.badTime', { field: t('afterAction.from') });
    if (!tt) return t('afterAction.badTime', { field: t('afterAction.to') });
    if (Date.parse(tt) <= Date.parse(f)) return t('afterAction.badOrder');
    return { from: f, to: tt };
  };

  const run = async (
    as: AfterActionFormat,
    then: (file: { filename: string; mime: string; base64: string }) => void,
  ) => {
    const w = window();
    if (typeof w === 'string') return setError(w);
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      then(await appClient().exportAfterAction({ ...w, format: as, lang }));
    } catch (err) {
      setError(toApiError(err).message);
    }
    setBusy(false);
  };

  const download = (e: FormEvent) => {
    e.preventDefault();
    void run(format, (file) => {
      downloadBase64(file.filename, file.mime, file.base64);
      setSaved(file.filename);
    });
  };

  return (
    <Dialog title={t('afterAction.title')} testId="after-action-dialog" onClose={() => open(null)} wide>
      <div className="handover-layout">
        <div className="handover-side">
          <form className="handover-form" onSubmit={download}>
            <p className="hint">{t('afterAction.intro')}</p>
            <TextField
              label={t('afterAction.from')}
              placeholder="2024-07-26 18:00"
              data-testid="after-action-from"
              value={from}
              required
              onChange={setFrom}
            />
            <TextField
              label={t('afterAction.to')}
              placeholder="2024-07-26 20:00"
              data-testid="after-action-to"
              value={to}
              required
              onChange={setTo}
            />
            <p className="hint">{t('afterAction.windowHint', { zone: timeZone })}</p>
            <label>
              <span>{t('afterAction.format')}</span>
              <select
                value={format}
                data-testid="after-action-format"
                onChange={(e) => setFormat(e.target.value as AfterActionFormat)}
              >
                {AFTER_ACTION_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f.toUpperCase()}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('afterAction.lang')}</span>
              <select
                value={lang}
                data-testid="after-action-lang"
                onChange={(e) => setLang(e.target.value as ReportLang)}
              >
                <option value="en">English</option>
                <option value="fr">Français</option>
              </select>
            </label>
            <div className="form-actions">
              <button
                type="button"
                className="btn-ghost"
                data-testid="after-action-preview"
                disabled={busy}
                onClick={() => void run('html', (file) => setPreview(htmlOf(file.base64)))}
              >
                {t('afterAction.preview')}
              </button>
              <button
                type="submit"
                className="btn-primary"
                data-testid="after-action-download"
                disabled={busy}
              >
                {t('afterAction.download')}
              </button>
            </div>
          </form>
          {error && (
            <p className="form-error" role="alert" data-testid="after-action-error">
              {error}
            </p>
          )}
          {saved && (
            <p className="hint" role="status" data-testid="after-action-saved">
              {t('afterAction.saved', { file: saved })}
            </p>
          )}
        </div>
        <ReportPreview
          html={preview}
          title={t('afterAction.previewTitle')}
          empty={t('afterAction.previewEmpty')}
          testId="after-action-frame"
        />
      </div>
    </Dialog>
  );
}
