// The console before anyone signs in: the operation, the sign-in form (and an exercise's demo
// logins), the language switch. Nothing operational is read until someone signs in: every call
// but the session needs a signed-in operator. On the desktop, a room can be opened from here (its
// own accounts then sign in). At /wall, the wall screen's sign-in.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useVigie } from '../state/hooks';
import { LanguageSwitch } from '../topbar/LanguageSwitch';
import { RoomButton } from '../room/RoomButton';
import { SignInForm } from './SignInForm';
import { atWall } from '../wall/at-wall';

export function SignInScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const notice = useVigie((s) => s.signInNotice);
  const op = session?.operation;
  const wall = atWall();

  useEffect(() => {
    document.title = op ? `${t('app.name')} · ${op.name}` : t('app.name');
  }, [op, t]);

  return (
    <div className="signin-screen" data-testid="signin-screen">
      <header className="signin-head">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          {op && <span className="operation-name">{op.name}</span>}
          {op?.mode === 'exercise' && (
            <span className="exercise-badge" title={t('topbar.exerciseHint')}>
              {t('topbar.exercise')}
            </span>
          )}
        </div>
        <div className="room-actions">
          <RoomButton />
          <LanguageSwitch />
        </div>
      </header>
      <main className="signin-card">
        <h1>{wall ? t('wall.title') : t('signIn.title')}</h1>
        {wall && (
          <p className="hint" data-testid="wall-signin-hint">
            {t('wall.signInHint')}
          </p>
        )}
        {notice && (
          <p className="signin-notice" role="status" data-testid="signin-notice">
            {t('signIn.sessionEnded', { message: notice })}
          </p>
        )}
        <SignInForm testIdPrefix="signin" autoFocus wall={wall} />
        <p className="hint signin-foot">{t('signIn.foot')}</p>
      </main>
    </div>
  );
}
