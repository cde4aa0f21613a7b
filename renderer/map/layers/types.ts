// What each map layer module provides: the GeoJSON sources it owns and the style layers drawn from
// them. style.ts stacks the modules in order (first drawn lowest, labels on top); MapView pushes data
// into the sources.
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';

/** The groups the layers panel turns on and off (`labels`: every symbol layer of the other groups). */
export const LAYER_GROUPS = ['base', 'zones', 'route', 'venues', 'units', 'incidents', 'labels'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export interface MapLayerModule {
  /** The layers-panel group this module's layers belong to; none = always shown. */
  group?: Exclude<LayerGroup, 'labels'>;
  /** The GeoJSON sources this module owns, by id. */
  sources: Record<string, GeoJSONSourceSpecification>;
  /** Layers drawn in order with the other modules' layers. */
  layers: LayerSpecification[];
  /** Symbol layers: drawn above every module's layers so labels are never hidden by markers. */
  labels?: LayerSpecification[];
  /** Above every label, placed before them by the collision engine (style.ts orders them). */
  topmost?: LayerSpecification[];
}

export type Collection<G extends Geometry = Geometry> = FeatureCollection<G>;

export const emptyCollection = (): Collection => ({ type: 'FeatureCollection', features: [] });

/** A GeoJSON source that starts empty and names its features by their `id` property. */
export const geojsonSource = (): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: emptyCollection(),
  promoteId: 'id',
});
