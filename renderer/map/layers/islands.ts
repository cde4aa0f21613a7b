// Islands in the Seine (Île de la Cité, Île Saint-Louis, Île aux Cygnes): land drawn over the water.
import { THEME } from '../palette';
import { geojsonSource, type MapLayerModule } from './types';

export const islandsLayer: MapLayerModule = {
  sources: { islands: geojsonSource() },
  layers: [
    { id: 'islands', type: 'fill', source: 'islands', paint: { 'fill-color': THEME.island } },
    {
      id: 'islands-edge',
      type: 'line',
      source: 'islands',
      paint: { 'line-color': THEME.waterEdge, 'line-width': 1 },
    },
  ],
};
