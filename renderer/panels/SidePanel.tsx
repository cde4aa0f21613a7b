// The side panel: Units / Incidents / Requests / Bulletins tabs. Units: a filter box, the list, the
// selected unit's card.
// Incidents: the board (its own filters). The incident itself opens in the incident pane.
import { useTranslation } from 'react-i18next';
import { useNow, useOperationClock } from '../clock/use-clock';
import { useOverdueCount } from '../incidents/overdue';
import { useCan, useIncidentPoints, useSelectedUnit, useTab, useVigie } from '../state/hooks';
import type { Tab } from '../state/types';
import { BulletinsPanel, useOwedBulletins } from '../bulletins/BulletinsPanel';
import { IncidentBoard } from './IncidentBoard';
import { UnitDetail } from './UnitDetail';
import { UnitList } from './UnitList';
import { RequestsPanel } from '../requests/RequestsPanel';
import { openToMe } from '../requests/requests';

const TABS: readonly Tab[] = ['units', 'incidents', 'requests', 'bulletins'];

export function SidePanel() {
  const { t } = useTranslation();
  const tab = useTab();
  const setTab = useVigie((s) => s.setTab);
  const filter = useVigie((s) => s.unitFilter);
  const setFilter = useVigie((s) => s.setUnitFilter);
  const unit = useSelectedUnit();
  const readsRequests = useCan('listRequests');
  const tabs = readsRequests ? TABS : TABS.filter((x) => x !== 'requests');
  const counts: Record<Tab, number> = {
    units: useVigie((s) => s.units.length),
    // How many match the board's filters in all (the board itself holds a page or a few).
    incidents: useVigie((s) => s.boardTotal),
    requests: useVigie((s) => openToMe(s.session?.operator, s.requests)),
    // Bulletins: those this desk has still to acknowledge.
    bulletins: useOwedBulletins(),
  };

  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            data-testid={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls="panel-body"
            onClick={() => setTab(id)}
          >
            {t(`tabs.${id}`)}
            <span className="tab-count" data-testid={`tab-count-${id}`}>
              {counts[id]}
            </span>
            {id === 'incidents' && <OverdueTabBadge />}
          </button>
        ))}
      </div>
      <div className="panel-body" id="panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'units' ? (
          <>
            <input
              className="filter"
              type="search"
              data-testid="panel-filter"
              aria-label={t('panel.filterLabel')}
              placeholder={t('panel.filterUnits')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <UnitList />
          </>
        ) : tab === 'requests' ? (
          <RequestsPanel />
        ) : tab === 'bulletins' ? (
          <BulletinsPanel />
        ) : (
          <IncidentBoard />
        )}
      </div>
      {unit && <UnitDetail unit={unit} />}
    </aside>
  );
}

/** Overdue incidents, on the tab itself: seen even from the Units tab. */
function OverdueTabBadge() {
  const { t } = useTranslation();
  const { clock } = useOperationClock();
  const now = useNow(clock);
  const count = useOverdueCount(useIncidentPoints(), now);
  if (!count) return null;
  return (
    <span className="tab-overdue" title={t('board.overdueCount', { count })}>
      {count}
    </span>
  );
}
