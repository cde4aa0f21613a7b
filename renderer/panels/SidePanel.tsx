// The side panel: Units / Incidents tabs, a filter box, the list, and the selected item's card.
import { useTranslation } from 'react-i18next';
import { useSelectedIncident, useSelectedUnit, useTab, useVigie } from '../state/hooks';
import type { Tab } from '../state/types';
import { IncidentDetail } from './IncidentDetail';
import { IncidentList } from './IncidentList';
import { UnitDetail } from './UnitDetail';
import { UnitList } from './UnitList';

const TABS: readonly Tab[] = ['units', 'incidents'];

export function SidePanel() {
  const { t } = useTranslation();
  const tab = useTab();
  const setTab = useVigie((s) => s.setTab);
  const filter = useVigie((s) => s.filters[tab]);
  const setFilter = useVigie((s) => s.setFilter);
  const unit = useSelectedUnit();
  const incident = useSelectedIncident();
  const counts: Record<Tab, number> = {
    units: useVigie((s) => s.units.length),
    incidents: useVigie((s) => s.incidents.length),
  };

  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
        {TABS.map((id) => (
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
            <span className="tab-count">{counts[id]}</span>
          </button>
        ))}
      </div>
      <div className="panel-body" id="panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <input
          className="filter"
          type="search"
          data-testid="panel-filter"
          aria-label={t('panel.filterLabel')}
          placeholder={tab === 'units' ? t('panel.filterUnits') : t('panel.filterIncidents')}
          value={filter}
          onChange={(e) => setFilter(tab, e.target.value)}
        />
        {tab === 'units' ? <UnitList /> : <IncidentList />}
      </div>
      {unit && <UnitDetail unit={unit} />}
      {incident && <IncidentDetail incident={incident} />}
    </aside>
  );
}
