// The top bar: operation name, EXERCISE badge, Paris operation clock, the desktop's room switch,
// language, operator.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useVigie } from '../state/hooks';
import { JournalViewerButton } from '../journal/JournalViewerButton';
import { RoomButton } from '../room/RoomButton';
import { TopbarActions } from '../units/TopbarActions';
import { Clock } from './Clock';
import { LanguageSwitch } from './LanguageSwitch';
import { OperatorBox } from './OperatorBox';
import { OperationBrand } from './OperationBrand';

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
      <OperationBrand />
      <Clock />
      <div className="topbar-end">
        {refreshError && (
          <span className="link-down" role="status" title={refreshError}>
            ● {t('topbar.linkDown')}
          </span>
        )}
        <RoomButton />
        <JournalViewerButton />
        <TopbarActions />
        <LanguageSwitch />
        <OperatorBox />
      </div>
    </header>
  );
}
