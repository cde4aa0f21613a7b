// The desk lock. Locks after `idleLockMinutes` without pointer or key input (0 = never), from the
// top bar's Lock button, or when a write is refused because the desk is locked. While locked a
// full-screen cover hides every operational view (they are made invisible, not only covered):
// "Locked by NAME at TIME"; Resume asks that operator's passphrase (a wrong one counts towards the
// login's lockout); or someone else signs in (login, passphrase) and the desk is theirs.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { SessionView } from '../../shared/api/session';
import { formatClock } from '../../shared/time-format';
import { toApiError } from '../api';
import { useOperationClock } from '../clock/use-clock';
import { useSession, useStoreApi } from '../state/hooks';
import type { VigieStore } from '../state/store';
import { TextField } from '../panels/TextField';
import { SignInForm } from '../signin/SignInForm';
import { deskAlerts } from './alerts';
import { appClient } from './client';

type Lock = SessionView['lock'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The lock part of the session (getSession answers it; the store types the session without it). */
export function lockOf(session: unknown): Lock | null {
  if (!isRecord(session) || !isRecord(session.lock)) return null;
  const l = session.lock;
  return typeof l.locked === 'boolean' && typeof l.idleLockMinutes === 'number'
    ? (l as unknown as Lock)
    : null;
}

/** Puts a session the lock calls answered in the store, and clears the "locked by error" flag. */
export function applySession(store: VigieStore, view: SessionView): void {
  store.setState({ session: view });
  if (!view.lock.locked) deskAlerts.setState({ lockedByError: false });
}

export async function lockDesk(store: VigieStore, reason: 'idle' | 'manual'): Promise<void> {
  try {
    applySession(store, await appClient().lockSession({ reason }));
  } catch (err) {
    store.getState().showError(toApiError(err).message);
  }
}

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;

/** Locks the desk after the idle time without input (real time between inputs). */
function useIdleLock(store: VigieStore, minutes: number, active: boolean) {
  useEffect(() => {
    if (!active || minutes <= 0) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lockDesk(store, 'idle'), minutes * 60_000);
    };
    arm();
    for (const e of INPUT_EVENTS) window.addEventListener(e, arm, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of INPUT_EVENTS) window.removeEventListener(e, arm);
    };
  }, [store, minutes, active]);
}

export function DeskLock() {
  const store = useStoreApi();
  const session = useSession();
  const lock = lockOf(session);
  const lockedByError = useStore(deskAlerts, (s) => s.lockedByError);
  const signedIn = Boolean(session?.operator);
  const locked = Boolean(lock?.locked) || lockedByError;
  useIdleLock(store, lock?.idleLockMinutes ?? 0, signedIn && !locked);

  // A write refused as "Desk locked": read the session for who locked it and when.
  useEffect(() => {
    if (!lockedByError) return;
    appClient()
      .getSession({})
      .then((v) => applySession(store, v))
      .catch(() => undefined);
  }, [lockedByError, store]);

  useEffect(() => {
    document.body.classList.toggle('desk-locked', locked);
    return () => document.body.classList.remove('desk-locked');
  }, [locked]);

  if (!locked) return null;
  return <LockScreen lockedAt={lock?.lockedAt ?? null} />;
}

function LockScreen({ lockedAt }: { lockedAt: string | null }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const session = useSession();
  const { timeZone } = useOperationClock();
  const [mode, setMode] = useState<'resume' | 'signin'>('resume');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const who = session?.operator?.name ?? '—';

  const resume = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      applySession(store, await appClient().unlockSession({ passphrase }));
    } catch (err) {
      setError(toApiError(err).message);
    }
    setPassphrase('');
    setBusy(false);
  };

  return (
    <div
      className="lock-screen"
      role="dialog"
      aria-modal="true"
      aria-label={t('lock.title')}
      data-testid="lock-screen"
    >
      <div className={mode === 'signin' ? 'lock-card wide' : 'lock-card'}>
        <h1>{t('lock.title')}</h1>
        <p data-testid="lock-by">
          {lockedAt
            ? t('lock.lockedBy', { name: who, time: formatClock(Date.parse(lockedAt), timeZone, false) })
            : t('lock.lockedByNoTime', { name: who })}
        </p>
        {mode === 'resume' ? (
          <form onSubmit={(e) => void resume(e)}>
            <TextField
              label={t('lock.passphrase', { name: who })}
              type="password"
              autoComplete="current-password"
              data-testid="lock-passphrase"
              value={passphrase}
              onChange={setPassphrase}
              required
              maxLength={200}
              autoFocus
            />
            <div className="form-actions">
              <button type="submit" className="btn-primary" data-testid="lock-resume" disabled={busy}>
                {t('lock.resume')}
              </button>
              <button
                type="button"
                className="btn-ghost"
                data-testid="lock-other"
                onClick={() => {
                  setMode('signin');
                  setError(null);
                }}
              >
                {t('lock.someoneElse')}
              </button>
            </div>
            {error && (
              <p className="form-error" role="alert" data-testid="lock-error">
                {error}
              </p>
            )}
          </form>
        ) : (
          <SignInForm
            testIdPrefix="lock-signin"
            desk={session?.operator?.desk ?? ''}
            onCancel={() => setMode('resume')}
            autoFocus
          />
        )}
      </div>
    </div>
  );
}

/** The database can no longer be written: a banner that stays. */
export function StorageBanner() {
  const { t } = useTranslation();
  const message = useStore(deskAlerts, (s) => s.storageError);
  if (!message) return null;
  return (
    <div className="storage-banner" role="alert" data-testid="storage-banner">
      <strong>{t('lock.storageTitle')}</strong> {message}
    </div>
  );
}
