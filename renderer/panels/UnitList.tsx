// Units tab: filtered list of units, one row each: country and callsign over the kind, then the
// status and the head count. Two lines give a callsign of the format's 24 characters its room.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../shared/domain';
import { countryName } from '../i18n/country';
import { UNIT_STATUS_VAR } from '../map/palette';
import { useSelection, useUnits, useVigie } from '../state/hooks';
import { matcher, unitSearchText } from './filter';
import { RowList } from './RowList';
import { RestWarningOr } from '../units/K9Rest';

/** One row per unit: fixed, so the list is windowed (5,000 units keep a light DOM). */
export const UNIT_ROW_HEIGHT = 52;

export function UnitList() {
  const { t, i18n } = useTranslation();
  const units = useUnits();
  const query = useVigie((s) => s.unitFilter);
  const selection = useSelection();
  const select = useVigie((s) => s.select);
  const lang = i18n.language;

  const shown = useMemo(() => {
    // No query: no search text to build (translated per unit, it cost a pushed batch of moves
    // most of its render).
    if (!query.trim()) return units;
    const match = matcher(query);
    return units.filter((u) => match(unitSearchText(u, t, lang)));
  }, [units, query, lang, t]);

  return (
    <>
      <p className="list-count" aria-live="polite">
        {t('panel.count', { shown: shown.length, total: units.length })}
      </p>
      <RowList<Unit>
        items={shown}
        getKey={(u) => u.id}
        selectedKey={selection?.kind === 'unit' ? selection.id : null}
        onSelect={(id) => select('unit', id, 'panel')}
        label={t('tabs.units')}
        empty={t('panel.noUnits')}
        rowHeight={UNIT_ROW_HEIGHT}
        rowAttributes={(u) => ({ 'data-testid': 'unit-row', 'data-callsign': u.callsign })}
        renderRow={(u) => (
          <div className="unit-row">
            <span className="status-bar" style={{ background: UNIT_STATUS_VAR[u.status] }} />
            <span className="callsign" title={u.callsign}>
              {u.callsign}
            </span>
            <span className="country" title={countryName(u.country, lang)}>
              {u.country}
            </span>
            <span className="kind" title={t(`unitKind.${u.kind}`)}>
              {t(`unitKind.${u.kind}`)}
            </span>
            <span className="status-pill" style={{ color: UNIT_STATUS_VAR[u.status] }}>
              {t(`unitStatus.${u.status}`)}
            </span>
            <RestWarningOr unit={u}>
              <span className="personnel">{t('panel.personnelShort', { count: u.personnel })}</span>
            </RestWarningOr>
          </div>
        )}
      />
    </>
  );
}
