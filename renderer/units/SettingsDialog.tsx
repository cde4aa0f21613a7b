// Console settings: the theme (this browser's, anyone may change it); minutes before a position counts as stale, how far a nearest-unit search
// looks, what each incident category needs and the travel speeds (updateSettings) and the idle time
// before the desk locks (setIdleLock; 0 = never); the way to the backups (list and restore). Only a
// supervisor changes them (and reaches the backups): everyone else reads them.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NEAREST_KM, type Settings } from '../../shared/domain';
import type { OverdueThresholds } from '../../shared/overdue';
import { setThresholds } from '../incidents/overdue';
import { OverdueFields } from './OverdueFields';
import { MAX_IDLE_LOCK_MINUTES } from '../../shared/api/session';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { applySession, lockOf } from '../lock/LockScreen';
import { useCan, useSession, useStoreApi } from '../state/hooks';
import { Dialog } from './Dialog';
import { ThemeChoice } from '../common/ThemeChoice';
import { useUnitsView } from './view-store';
import { TextField } from '../panels/TextField';
import type { UnitNeeds } from '../../shared/assignment';
import { NeedsFields, TravelFields, type TravelText } from './AssignSettings';

const travelText = (s: Settings): TravelText => ({
  footKmh: String(s.travel.footKmh),
  roadKmh: String(s.travel.roadKmh),
  riverKmh: String(s.travel.riverKmh),
  detour: String(s.travel.detour),
  k9WorkMinutes: String(s.k9WorkMinutes),
});

export function SettingsDialog() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const open = useUnitsView((s) => s.open);
  const session = useSession();
  const lock = lockOf(session);
  const canEdit = useCan('updateSettings');
  const canBackups = useCan('listBackups');
  const canAfterAction = useCan('exportAfterAction');
  const canNewOperation = useCan('createOperation');
  const canExchange = useCan('exportData');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [stale, setStale] = useState('');
  const [nearestKm, setNearestKm] = useState('');
  const [overdue, setOverdue] = useState<OverdueThresholds | null>(null);
  const [needs, setNeeds] = useState<UnitNeeds | null>(null);
  const [travel, setTravel] = useState<TravelText | null>(null);
  const [idle, setIdle] = useState(String(lock?.idleLockMinutes ?? 0));
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    appClient()
      .getSettings({})
      .then((s) => {
        setSettings(s);
        setStale(String(s.stalePositionMinutes));
        setNearestKm(String(s.nearestMaxKm));
        setOverdue(s.overdue);
        setNeeds(s.unitNeeds);
        setTravel(travelText(s));
      })
      .catch((err: unknown) => setError(toApiError(err).message));
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setMessage(null);
    try {
      const overdueChanged =
        overdue !== null && JSON.stringify(overdue) !== JSON.stringify(settings?.overdue);
      const nearestChanged = Number(nearestKm) !== settings?.nearestMaxKm;
      const needsChanged = needs !== null && JSON.stringify(needs) !== JSON.stringify(settings?.unitNeeds);
      const assignChanged =
        needsChanged ||
        (travel !== null &&
          settings !== null &&
          JSON.stringify(travel) !== JSON.stringify(travelText(settings)));
      if (
        settings &&
        (Number(stale) !== settings.stalePositionMinutes || overdueChanged || nearestChanged || assignChanged)
      ) {
        // Unchanged values are sent too: the service journals only what differs.
        const s = await appClient().updateSettings({
          version: settings.version,
          stalePositionMinutes: Number(stale),
          nearestMaxKm: Number(nearestKm),
          ...(overdueChanged && overdue ? { overdue } : {}),
          ...(needsChanged ? { unitNeeds: needs } : {}),
          ...(travel
            ? {
                travel: {
                  footKmh: Number(travel.footKmh),
                  roadKmh: Number(travel.roadKmh),
                  riverKmh: Number(travel.riverKmh),
                  detour: Number(travel.detour),
                },
                k9WorkMinutes: Number(travel.k9WorkMinutes),
              }
            : {}),
        });
        setSettings(s);
        setThresholds(s.overdue);
      }
      if (Number(idle) !== lock?.idleLockMinutes)
        applySession(store, await appClient().setIdleLock({ minutes: Number(idle) }));
      setMessage(t('settings.saved'));
      void store.getState().refresh();
    } catch (err) {
      setError(toApiError(err).message);
    }
  };

  return (
    <Dialog testId="settings-dialog" title={t('settings.title')} onClose={() => open(null)}>
      <form className="settings-form" onSubmit={(e) => void save(e)}>
        <div className="settings-theme">
          <span>{t('settings.theme')}</span>
          <ThemeChoice testPrefix="settings-theme" />
          {/* On top: exchanging files with partners is an officer's task, not a setting to scroll to. */}
          {canExchange && (
            <button
              type="button"
              className="btn-ghost settings-exchange"
              data-testid="open-exchange"
              onClick={() => open('exchange')}
            >
              {t('exchange.open')}
            </button>
          )}
        </div>
        {!canEdit && (
          <p className="hint" data-testid="settings-read-only">
            {t('settings.readOnly')}
          </p>
        )}
        <fieldset className="plain-fieldset" disabled={!canEdit}>
          <TextField
            label={t('settings.stale')}
            type="number"
            min={1}
            max={1440}
            required
            data-testid="settings-stale"
            value={stale}
            onChange={setStale}
          />
          <TextField
            label={t('nearestLimit.setting')}
            type="number"
            min={0.1}
            max={MAX_NEAREST_KM}
            step="any"
            required
            data-testid="settings-nearest-km"
            value={nearestKm}
            onChange={setNearestKm}
          />
          {overdue && <OverdueFields value={overdue} onChange={setOverdue} />}
          {needs && <NeedsFields value={needs} onChange={setNeeds} />}
          {travel && <TravelFields value={travel} onChange={setTravel} />}
          <TextField
            label={t('settings.idle')}
            type="number"
            min={0}
            max={MAX_IDLE_LOCK_MINUTES}
            required
            data-testid="settings-idle"
            value={idle}
            onChange={setIdle}
          />
          <p className="hint">{t('settings.idleHint')}</p>
        </fieldset>
        <div className="form-actions">
          {canAfterAction && (
            <button
              type="button"
              className="btn-ghost"
              data-testid="open-after-action"
              onClick={() => open('after-action')}
            >
              {t('afterAction.open')}
            </button>
          )}
          {canBackups && (
            <button
              type="button"
              className="btn-ghost"
              data-testid="open-backups"
              onClick={() => open('backups')}
            >
              {t('backups.open')}
            </button>
          )}
          {canNewOperation && (
            <button
              type="button"
              className="btn-ghost"
              data-testid="open-new-operation"
              onClick={() => open('new-operation')}
            >
              {t('newop.open')}
            </button>
          )}
          {canEdit && (
            <button type="submit" className="btn-primary" data-testid="settings-save" disabled={!settings}>
              {t('settings.save')}
            </button>
          )}
        </div>
        {message && (
          <p className="hint" role="status">
            {message}
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
