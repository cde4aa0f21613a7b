// An OpenMapTiles file (planetiler, tilemaker, MapTiler extracts) as a street map: water, parks and
// land cover, land use, buildings, streets by class with a casing, then the names of streets,
// water, parks and places and the house numbers, in the UI language where the file has it
// (name:fr / name:en, else the local name). Bundled fonts only, no icons (no sprite is shipped).
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_REGULAR, FONT_SEMIBOLD } from '../glyphs';
import type { MapTheme } from '../palette';
import { STREET_COLORS } from './colors';

const HIGHWAY = ['motorway', 'trunk'];
const MAJOR = ['primary', 'secondary', 'tertiary'];
const MINOR = ['minor', 'service', 'street', 'unclassified', 'residential', 'living_street'];
const PATHS = ['path', 'track', 'pedestrian', 'footway', 'cycleway', 'steps', 'bridleway'];
const klass: ExpressionSpecification = ['get', 'class'];

/** Street width in pixels at a zoom, by class (casing adds `extra` on each side). */
function width(
  z12: [number, number, number],
  z18: [number, number, number],
  extra = 0,
): ExpressionSpecification {
  const byClass = ([motorway, major, minor]: [number, number, number]): ExpressionSpecification => [
    'match',
    klass,
    HIGHWAY,
    motorway + extra,
    MAJOR,
    major + extra,
    MINOR,
    minor + extra,
    Math.max(0.5, minor / 3) + extra,
  ];
  return ['interpolate', ['exponential', 1.6], ['zoom'], 12, byClass(z12), 18, byClass(z18)];
}

/** The name in the UI language when the file has it, else the local one. */
const name = (lang: string): ExpressionSpecification => [
  'coalesce',
  ['get', `name:${lang}`],
  ['get', 'name:latin'],
  ['get', 'name'],
];

const STREETS = [...HIGHWAY, ...MAJOR, ...MINOR];

export function openMapTilesStreetLayers(
  source: string,
  prefix: string,
  theme: MapTheme,
  lang: string,
): LayerSpecification[] {
  const c = STREET_COLORS[theme];
  const label = { 'text-halo-color': c.halo, 'text-halo-width': 1.4 } as const;
  const of = (sourceLayer: string) => ({ source, 'source-layer': sourceLayer });
  const layers: LayerSpecification[] = [
    {
      id: 'landuse',
      type: 'fill',
      ...of('landuse'),
      filter: ['!', ['in', klass, ['literal', ['residential', 'suburb', 'neighbourhood']]]],
      paint: { 'fill-color': c.landuse, 'fill-opacity': 0.8 },
    },
    {
      id: 'landcover',
      type: 'fill',
      ...of('landcover'),
      filter: ['in', klass, ['literal', ['grass', 'wood', 'forest', 'farmland', 'wetland', 'scrub']]],
      paint: { 'fill-color': ['match', klass, ['wood', 'forest'], c.wood, c.park], 'fill-opacity': 0.9 },
    },
    { id: 'park', type: 'fill', ...of('park'), paint: { 'fill-color': c.park } },
    { id: 'water', type: 'fill', ...of('water'), paint: { 'fill-color': c.water } },
    {
      id: 'waterway',
      type: 'line',
      ...of('waterway'),
      paint: {
        'line-color': c.water,
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          12,
          ['match', klass, 'river', 2, 0.8],
          18,
          ['match', klass, 'river', 8, 3],
        ],
      },
    },
    {
      id: 'building',
      type: 'fill',
      ...of('building'),
      minzoom: 13,
      paint: { 'fill-color': c.building, 'fill-outline-color': c.buildingEdge },
    },
    {
      id: 'paths',
      type: 'line',
      ...of('transportation'),
      minzoom: 14,
      filter: ['in', klass, ['literal', PATHS]],
      paint: { 'line-color': c.path, 'line-width': 1, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'rail',
      type: 'line',
      ...of('transportation'),
      filter: ['in', klass, ['literal', ['rail', 'transit']]],
      paint: { 'line-color': c.rail, 'line-width': 1.2, 'line-dasharray': [3, 2] },
    },
    {
      id: 'street-casing',
      type: 'line',
      ...of('transportation'),
      filter: ['in', klass, ['literal', STREETS]],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': c.casing, 'line-width': width([2, 1.4, 0.6], [22, 18, 12], 1.5) },
    },
    {
      id: 'street',
      type: 'line',
      ...of('transportation'),
      filter: ['in', klass, ['literal', STREETS]],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['match', klass, HIGHWAY, c.highway, MAJOR, c.major, c.minor],
        'line-width': width([2, 1.4, 0.6], [22, 18, 12]),
      },
    },
    {
      id: 'street-labels',
      type: 'symbol',
      ...of('transportation_name'),
      minzoom: 13,
      filter: ['has', 'name'],
      layout: {
        'symbol-placement': 'line',
        'text-field': name(lang),
        'text-font': [
          'match',
          klass,
          [...HIGHWAY, ...MAJOR],
          ['literal', FONT_SEMIBOLD],
          ['literal', FONT_REGULAR],
        ],
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10, 17, ['match', klass, MAJOR, 14, 13]],
        'text-max-angle': 30,
        'symbol-spacing': 300,
      },
      paint: { 'text-color': ['match', klass, MAJOR, c.labelMajor, c.label], ...label },
    },
    {
      id: 'water-labels',
      type: 'symbol',
      ...of('water_name'),
      layout: {
        'text-field': name(lang),
        'text-font': FONT_REGULAR,
        'text-size': 13,
        'text-letter-spacing': 0.1,
      },
      paint: { 'text-color': c.waterLabel, ...label },
    },
    {
      id: 'park-labels',
      type: 'symbol',
      ...of('park'),
      minzoom: 14,
      filter: ['has', 'name'],
      layout: { 'text-field': name(lang), 'text-font': FONT_REGULAR, 'text-size': 12, 'text-max-width': 8 },
      paint: { 'text-color': c.parkLabel, ...label },
    },
    {
      id: 'housenumbers',
      type: 'symbol',
      ...of('housenumber'),
      minzoom: 17,
      layout: { 'text-field': ['get', 'housenumber'], 'text-font': FONT_REGULAR, 'text-size': 11 },
      paint: { 'text-color': c.address, ...label },
    },
    {
      id: 'places',
      type: 'symbol',
      ...of('place'),
      filter: ['in', klass, ['literal', ['city', 'town', 'village', 'suburb', 'quarter', 'neighbourhood']]],
      layout: {
        'text-field': name(lang),
        'text-font': [
          'match',
          klass,
          ['city', 'town'],
          ['literal', FONT_SEMIBOLD],
          ['literal', FONT_REGULAR],
        ],
        'text-size': ['match', klass, 'city', 18, 'town', 15, 'suburb', 14, 12],
        'text-transform': ['match', klass, ['suburb', 'quarter', 'neighbourhood'], 'uppercase', 'none'],
        'text-letter-spacing': 0.05,
        'text-max-width': 8,
      },
      paint: { 'text-color': c.placeLabel, ...label },
    },
  ];
  return layers.map((l) => ({ ...l, id: `${prefix}${l.id}` }) as LayerSpecification);
}
