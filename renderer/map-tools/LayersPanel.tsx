// The layers panel (opened from the map's tool bar): the theme (console and map), the layer groups
// (base map, zones, route, venues, units, incidents, labels), units by kind (with their symbol) and
// by country, incidents by priority. Choices are kept per desk (state/map-slice.ts). Its key
// explains the base map's colours.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, UNIT_KINDS } from '../../shared/domain';
import { LAYER_GROUPS, type LayerGroup } from '../map/layers/types';
import { THEME, LIGHT_THEME, PRIORITY_COLOR } from '../map/palette';
import { unitSymbolUrl } from '../map/unit-icons';
import { useUnits, useVigie } from '../state/hooks';
import { DEFAULT_LAYERS } from '../state/map-slice';
import { BasemapSettings } from './BasemapSettings';
import { ThemeChoice } from '../common/ThemeChoice';

function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function LayersPanel() {
  const { t } = useTranslation();
  const theme = useVigie((s) => s.mapTheme);
  const layers = useVigie((s) => s.mapLayers);
  const setLayers = useVigie((s) => s.setMapLayers);
  const units = useUnits();
  const countries = useMemo(() => [...new Set(units.map((u) => u.country))].sort(), [units]);
  const colors = theme === 'light' ? LIGHT_THEME : THEME;

  const groupBox = (g: LayerGroup) => (
    <label key={g} className="layers-check">
      <input
        type="checkbox"
        data-testid={`layer-group-${g}`}
        checked={!layers.hiddenGroups.includes(g)}
        onChange={() => setLayers({ hiddenGroups: toggled(layers.hiddenGroups, g) })}
      />
      {t(`mapTools.group.${g}`)}
    </label>
  );

  return (
    <section className="tool-panel layers-panel" aria-label={t('mapTools.layers')} data-testid="layers-panel">
      <ThemeChoice />
      <fieldset>
        <legend>{t('mapTools.show')}</legend>
        {LAYER_GROUPS.map(groupBox)}
      </fieldset>
      <fieldset>
        <legend>{t('mapTools.unitKinds')}</legend>
        <div className="layers-grid">
          {UNIT_KINDS.map((k) => (
            <label key={k} className="layers-check">
              <input
                type="checkbox"
                data-testid={`layer-kind-${k}`}
                checked={!layers.hiddenKinds.includes(k)}
                onChange={() => setLayers({ hiddenKinds: toggled(layers.hiddenKinds, k) })}
              />
              <img className="layers-symbol" src={unitSymbolUrl(k)} alt="" />
              {t(`unitKind.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('mapTools.countries')}</legend>
        <div className="layers-grid layers-countries">
          {countries.map((c) => (
            <label key={c} className="layers-check">
              <input
                type="checkbox"
                data-testid={`layer-country-${c}`}
                checked={!layers.hiddenCountries.includes(c)}
                onChange={() => setLayers({ hiddenCountries: toggled(layers.hiddenCountries, c) })}
              />
              {c}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('mapTools.priorities')}</legend>
        {PRIORITIES.map((p) => (
          <label key={p} className="layers-check">
            <input
              type="checkbox"
              data-testid={`layer-priority-${p}`}
              checked={!layers.hiddenPriorities.includes(p)}
              onChange={() => setLayers({ hiddenPriorities: toggled(layers.hiddenPriorities, p) })}
            />
            <span className="swatch dot" style={{ background: PRIORITY_COLOR[p] }} />
            {t(`priority.${p}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="layers-key">
        <legend>{t('mapTools.baseKey')}</legend>
        <ul>
          <li>
            <span className="swatch line" style={{ background: colors.periph }} />
            {t('mapTools.key.peripherique')}
          </li>
          <li>
            <span className="swatch line dashed" style={{ borderColor: colors.arrondissement }} />
            {t('mapTools.key.arrondissement')}
          </li>
          <li>
            <span className="swatch block" style={{ background: colors.garden }} />
            {t('mapTools.key.garden')}
          </li>
          <li>
            <span className="swatch block" style={{ background: colors.wood }} />
            {t('mapTools.key.wood')}
          </li>
          <li>
            <span className="swatch block" style={{ background: colors.water }} />
            {t('mapTools.key.water')}
          </li>
          <li>
            <span className="swatch cluster" />
            {t('mapTools.key.cluster')}
          </li>
          <li>
            <span className="swatch stale" />
            {t('mapTools.key.stale')}
          </li>
        </ul>
      </fieldset>
      <BasemapSettings />
      <button type="button" className="layers-reset" onClick={() => setLayers(DEFAULT_LAYERS)}>
        {t('mapTools.showAll')}
      </button>
    </section>
  );
}
