// Shift handover from the top bar: the window (suggested by the service, else the last 12 hours of
// the operation clock), whom the outgoing officer expects (optional), pending actions (one a line)
// and the report's language → a preview rendered by the shared HTML renderer in a sandboxed frame.
// The incoming officer acknowledges by signing in on the desk (their own login and passphrase):
// the handover is stored and journaled as theirs (its content hash is shown) and the desk is theirs
// from then on. Past handovers are listed with their exports (PDF, HTML, Markdown, JSON).
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat, type HandoverSummary } from '../../shared/api/handover';
import { renderHtml } from '../../shared/report/html';
import type { HandoverReport, ReportLang } from '../../shared/report/model';
import { formatClock, formatDayMonth } from '../../shared/time-format';
import { toApiError } from '../api';
import { useOperationClock } from '../clock/use-clock';
import { currentLanguage } from '../i18n';
import { appClient } from '../lock/client';
import { Dialog } from '../units/Dialog';
import { useStoreApi } from '../state/hooks';
import { useUnitsView } from '../units/view-store';
import { downloadBase64 } from './download';
import { fromWallText, toWallText } from './zone-time';
import { TextField } from '../panels/TextField';
import { ReportPreview } from './ReportPreview';

const HOURS_12 = 12 * 3_600_000;

export function HandoverDialog() {
  const { t } = useTranslation();
  const { clock, timeZone } = useOperationClock();
  const open = useUnitsView((s) => s.open);
  const store = useStoreApi();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [expected, setExpected] = useState('');
  const [incomingLogin, setIncomingLogin] = useState('');
  const [incomingPassphrase, setIncomingPassphrase] = useState('');
  const [pending, setPending] = useState('');
  const [lang, setLang] = useState<ReportLang>(currentLanguage() === 'fr' ? 'fr' : 'en');
  const [preview, setPreview] = useState<HandoverReport | null>(null);
  const [acknowledged, setAcknowledged] = useState<HandoverSummary | null>(null);
  const [history, setHistory] = useState<HandoverSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadHistory = useCallback(async () => {
    try {
      setHistory(await appClient().listHandovers({ limit: 50 }));
    } catch (err) {
      setError(toApiError(err).message);
    }
  }, []);

  useEffect(() => {
    let live = true;
    appClient()
      .suggestHandoverWindow({})
      .then((w) => {
        if (!live) return;
        setFrom(toWallText(Date.parse(w.from), timeZone));
        setTo(toWallText(Date.parse(w.to), timeZone));
      })
      .catch(() => {
        if (!live) return;
        const now = clock.now();
        setFrom(toWallText(now - HOURS_12, timeZone));
        setTo(toWallText(now, timeZone));
      });
    appClient()
      .listHandovers({ limit: 50 })
      .then((h) => live && setHistory(h))
      .catch((err: unknown) => live && setError(toApiError(err).message));
    return () => {
      live = false;
    };
  }, [clock, timeZone]);

  /** The window as the services take it, or what is wrong with it, in the console's language. */
  const input = () => {
    const f = fromWallText(from, timeZone);
    const tt = fromWallText(to, timeZone);
    if (!f) return t('handover.badTime', { field: t('handover.from') });
    if (!tt) return t('handover.badTime', { field: t('handover.to') });
    if (Date.parse(tt) <= Date.parse(f)) return t('handover.badOrder');
    const now = clock.now();
    if (Date.parse(tt) > now) return t('handover.future', { now: toWallText(now, timeZone), zone: timeZone });
    const actions = pending
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return { from: f, to: tt, pendingActions: actions, lang };
  };

  const doPreview = async (e: FormEvent) => {
    e.preventDefault();
    const i = input();
    if (typeof i === 'string') return setError(i);
    setBusy(true);
    setError(null);
    setAcknowledged(null);
    try {
      setPreview(
        await appClient().previewHandover({
          ...i,
          ...(expected.trim() ? { incomingName: expected.trim() } : {}),
        }),
      );
    } catch (err) {
      setError(toApiError(err).message);
    }
    setBusy(false);
  };

  const acknowledge = async (e: FormEvent) => {
    e.preventDefault();
    const i = input();
    if (typeof i === 'string') return setError(i);
    setBusy(true);
    setError(null);
    try {
      const r = await appClient().acknowledgeHandover({
        ...i,
        incomingLogin: incomingLogin.trim(),
        incomingPassphrase,
      });
      setAcknowledged(r.handover);
      setPreview(r.report);
      // The desk is now the incoming officer's: the top bar (and what the desk may see) follows.
      await store.getState().loadSession();
      await loadHistory();
    } catch (err) {
      setError(toApiError(err).message);
    }
    setIncomingPassphrase('');
    setBusy(false);
  };

  const exportOne = async (id: string, format: ExportFormat) => {
    try {
      const x = await appClient().exportHandover({ id, format });
      downloadBase64(x.filename, x.mime, x.base64);
    } catch (err) {
      setError(toApiError(err).message);
    }
  };

  const html = useMemo(
    () => (preview ? renderHtml(preview, { contentHash: acknowledged?.contentHash ?? null }) : ''),
    [preview, acknowledged],
  );
  const when = (at: string) =>
    `${formatDayMonth(Date.parse(at), timeZone)} ${formatClock(Date.parse(at), timeZone, false)}`;

  return (
    <Dialog testId="handover-dialog" title={t('handover.title')} onClose={() => open(null)} wide>
      <div className="handover-layout">
        <div className="handover-side">
          <form className="handover-form" onSubmit={(e) => void doPreview(e)}>
            <TextField
              label={t('handover.from')}
              placeholder="2024-07-26 18:00"
              data-testid="handover-from"
              value={from}
              required
              onChange={setFrom}
            />
            <TextField
              label={t('handover.to')}
              placeholder="2024-07-26 20:00"
              data-testid="handover-to"
              value={to}
              required
              onChange={setTo}
            />
            <p className="hint" data-testid="handover-window-hint">
              {t('handover.windowHint', { zone: timeZone })}
            </p>
            <TextField
              label={t('handover.expected')}
              data-testid="handover-expected"
              value={expected}
              maxLength={200}
              onChange={setExpected}
            />
            <label>
              <span>{t('handover.pending')}</span>
              <textarea
                data-testid="handover-pending"
                rows={4}
                value={pending}
                placeholder={t('handover.pendingHint')}
                onChange={(e) => setPending(e.target.value)}
              />
            </label>
            <label>
              <span>{t('handover.lang')}</span>
              <select
                value={lang}
                data-testid="handover-lang"
                onChange={(e) => setLang(e.target.value as ReportLang)}
              >
                <option value="en">English</option>
                <option value="fr">Français</option>
              </select>
            </label>
            <div className="form-actions">
              <button type="submit" className="btn-primary" data-testid="handover-preview" disabled={busy}>
                {t('handover.preview')}
              </button>
            </div>
          </form>
          {preview && !acknowledged && (
            <form className="handover-form handover-ack-form" onSubmit={(e) => void acknowledge(e)}>
              <h3>{t('handover.ackTitle')}</h3>
              <p className="hint">{t('handover.ackHint')}</p>
              <TextField
                label={t('handover.incomingLogin')}
                data-testid="handover-incoming-login"
                value={incomingLogin}
                required
                maxLength={40}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                onChange={setIncomingLogin}
              />
              <TextField
                label={t('handover.incomingPassphrase')}
                type="password"
                autoComplete="off"
                data-testid="handover-incoming-passphrase"
                value={incomingPassphrase}
                required
                maxLength={200}
                onChange={setIncomingPassphrase}
              />
              <div className="form-actions">
                <button
                  type="submit"
                  className="btn-primary"
                  data-testid="handover-acknowledge"
                  disabled={busy}
                >
                  {t('handover.acknowledge')}
                </button>
              </div>
            </form>
          )}
          {error && (
            <p className="form-error" role="alert" data-testid="handover-error">
              {error}
            </p>
          )}
          {acknowledged && (
            <p
              className="handover-ack"
              data-testid="handover-acknowledged"
              data-hash={acknowledged.contentHash}
            >
              {t('handover.acknowledged', { seq: acknowledged.journalSeq })}
              <br />
              <span className="mono hash">{acknowledged.contentHash}</span>
            </p>
          )}
          <h3>{t('handover.history')}</h3>
          {history.length === 0 ? (
            <p className="hint">{t('handover.noHistory')}</p>
          ) : (
            <ul className="handover-history">
              {history.map((h) => (
                <li key={h.id} data-testid="handover-item" data-id={h.id}>
                  <div>
                    <strong>{when(h.acknowledgedAt)}</strong> · {h.desk} ·{' '}
                    {t('handover.fromTo', { from: h.outgoing?.name ?? '—', to: h.incoming.name })}
                  </div>
                  <div className="handover-exports">
                    {EXPORT_FORMATS.map((f) => (
                      <button
                        key={f}
                        type="button"
                        className="btn-ghost btn-small"
                        data-testid={`handover-export-${f}`}
                        onClick={() => void exportOne(h.id, f)}
                      >
                        {f.toUpperCase()}
                      </button>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
        <ReportPreview
          html={html || null}
          title={t('handover.previewTitle')}
          empty={t('handover.previewEmpty')}
          testId="handover-frame"
        />
      </div>
    </Dialog>
  );
}
