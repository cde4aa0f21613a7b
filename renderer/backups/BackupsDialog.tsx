// Backups, from the settings dialog: the rolling backups this Vigie keeps (and the safety copies
// taken before a restore), newest first, with when, size and what they hold. Restore asks first
// (what will happen, which backup); once confirmed the data of every desk is replaced, so the page
// reloads to read everything anew.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupListing } from '../../shared/api/backups';
import { realTime } from '../../shared/clock';
import { formatClock, formatDayMonth } from '../../shared/time-format';
import { toApiError } from '../api';
import { useOperationClock } from '../clock/use-clock';
import { appClient } from '../lock/client';
import { Dialog } from '../units/Dialog';
import { useUnitsView } from '../units/view-store';
import { noteRestored } from './restored-notice';
import { useReplay } from '../replay/replay-store';

const MB = 1024 * 1024;

export function BackupsDialog() {
  const { t } = useTranslation();
  const { clock, timeZone } = useOperationClock();
  const open = useUnitsView((s) => s.open);
  const [listing, setListing] = useState<BackupListing | null>(null);
  const [pending, setPending] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    appClient()
      .listBackups({})
      .then(setListing)
      .catch((err: unknown) => setError(toApiError(err).message));
  }, []);

  // Backups are stamped in real time; show them on the operation clock like everything else.
  const offset = clock.now() - realTime.now();
  const when = (b: BackupInfo) => {
    const ms = Date.parse(b.takenAt) + offset;
    return `${formatDayMonth(ms, timeZone)} ${formatClock(ms, timeZone)}`;
  };
  const count = (n: number | null) => (n === null ? '—' : String(n));

  const restore = async (b: BackupInfo) => {
    setBusy(true);
    setError(null);
    try {
      const r = await appClient().restoreBackup({ file: b.file, confirm: true });
      noteRestored({ when: when(b), safetyBackup: r.safetyBackup });
      window.location.reload();
    } catch (err) {
      setError(toApiError(err).message);
      setBusy(false);
    }
  };

  return (
    <Dialog testId="backups-dialog" title={t('backups.title')} wide onClose={() => open('settings')}>
      {listing && (
        <p className="hint" data-testid="backups-plan">
          {listing.dir
            ? listing.everyMinutes > 0
              ? t('backups.plan', { minutes: listing.everyMinutes, keep: listing.keep, dir: listing.dir })
              : t('backups.planOff', { dir: listing.dir })
            : t('backups.none')}
        </p>
      )}
      {pending ? (
        <div className="backup-confirm" role="alertdialog" data-testid="backup-confirm-step">
          <p>
            <strong>{t('backups.confirmTitle', { when: when(pending) })}</strong>
          </p>
          <p>
            {t('backups.confirmHolds', { incidents: count(pending.incidents), units: count(pending.units) })}
          </p>
          <p>{t('backups.confirmEffect')}</p>
          <div className="form-actions">
            <button type="button" className="btn-ghost" disabled={busy} onClick={() => setPending(null)}>
              {t('backups.cancel')}
            </button>
            <button
              type="button"
              className="btn-danger"
              data-testid="backup-confirm"
              disabled={busy}
              onClick={() => void restore(pending)}
            >
              {busy ? t('backups.restoring') : t('backups.confirm')}
            </button>
          </div>
        </div>
      ) : (
        listing &&
        listing.dir !== null &&
        (listing.backups.length === 0 ? (
          <p className="hint">{t('backups.empty')}</p>
        ) : (
          <table data-testid="backups-table">
            <thead>
              <tr>
                <th>{t('backups.taken')}</th>
                <th>{t('backups.kind')}</th>
                <th>{t('backups.incidents')}</th>
                <th>{t('backups.units')}</th>
                <th>{t('backups.size')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {listing.backups.map((b) => (
                <tr key={b.file} data-testid="backup-row" data-file={b.file}>
                  <td title={`${b.file} · ${b.takenAt}`}>{when(b)}</td>
                  <td>{t(`backups.kinds.${b.kind}`)}</td>
                  <td>{count(b.incidents)}</td>
                  <td>{count(b.units)}</td>
                  <td>{t('backups.mb', { mb: (b.bytes / MB).toFixed(1) })}</td>
                  <td>
                    <button
                      type="button"
                      className="btn-ghost"
                      data-testid="backup-replay"
                      title={t('replay.backupTitle')}
                      onClick={() => {
                        open(null);
                        void useReplay.getState().open(appClient(), b.file);
                      }}
                    >
                      {t('replay.backup')}
                    </button>{' '}
                    <button
                      type="button"
                      className="btn-danger-ghost"
                      data-testid="backup-restore"
                      onClick={() => setPending(b)}
                    >
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
