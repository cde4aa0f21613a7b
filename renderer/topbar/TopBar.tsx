// The top bar: operation name, EXERCISE badge, operation clock and the national alert level, the
// desktop's room switch, language, operator.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useVigie } from '../state/hooks';
import { JournalViewerButton } from '../journal/JournalViewerButton';
import { ReplayButton } from '../replay/ReplayButton';
import { RoomButton } from '../room/RoomButton';
import { TopbarActions } from '../units/TopbarActions';
import { AlertLevelBadge } from '../alert-level/AlertLevelBadge';
import { AlertSettings } from '../alerts/AlertSettings';
import { Clock } from './Clock';
import { LanguageSwitch } from './LanguageSwitch';
import { OperatorBox } from './OperatorBox';
import { ExerciseBadge, OperationBrand } from './OperationBrand';

export function TopBar() {
  const { t } = useTranslation();
  const session = useSession();
  const refreshError = useVigie((s) => s.refreshError);
  const op = session?.operation;
  const name = op?.name;

  useEffect(() => {
    document.title = name ? `${t('app.name')} · ${name}` : t('app.name');
  }, [name, t]);
  return (
    <header className="topbar">
      <OperationBrand badge={false} />
      <div className="topbar-center">
        <ExerciseBadge />
        <Clock />
        <AlertLevelBadge />
      </div>
      <div className="topbar-end">
        {refreshError && (
          <span className="link-down" role="status" title={refreshError}>
            ● {t('topbar.linkDown')}
          </span>
        )}
        <RoomButton />
        <JournalViewerButton />
        <ReplayButton />
        <AlertSettings />
        <TopbarActions />
        <LanguageSwitch />
        <OperatorBox />
      </div>
    </header>
  );
}
