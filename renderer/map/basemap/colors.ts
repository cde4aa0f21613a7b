// The street map's colours in the console's two map themes, shared by both tile schemas so a
// Protomaps file and an OpenMapTiles file look alike: land as the built-in map's Paris, water
// blue, parks green, buildings a shade off the land, streets lighter than the land (dark) or white
// with a casing (light), and labels that read at wall distance.
import { LIGHT_THEME, THEME, type MapTheme } from '../palette';

export interface StreetColors {
  land: string;
  water: string;
  waterLabel: string;
  park: string;
  wood: string;
  parkLabel: string;
  landuse: string;
  building: string;
  buildingEdge: string;
  casing: string;
  minor: string;
  major: string;
  highway: string;
  path: string;
  rail: string;
  label: string;
  labelMajor: string;
  placeLabel: string;
  address: string;
  halo: string;
}

export const STREET_COLORS: Record<MapTheme, StreetColors> = {
  dark: {
    land: THEME.paris,
    water: THEME.water,
    waterLabel: '#7fb4dc',
    park: THEME.garden,
    wood: THEME.wood,
    parkLabel: THEME.parkLabel,
    landuse: '#1d2631',
    building: '#252f3b',
    buildingEdge: '#313d4b',
    casing: '#0d1218',
    minor: '#333f4d',
    major: '#465668',
    highway: '#8a6a2e',
    path: '#3b4756',
    rail: '#4b5563',
    label: '#b6c2cf',
    labelMajor: '#dbe3ea',
    placeLabel: '#8ea2b8',
    address: '#8ea2b8',
    halo: THEME.halo,
  },
  light: {
    land: LIGHT_THEME.paris,
    water: LIGHT_THEME.water,
    waterLabel: '#2f6a9c',
    park: LIGHT_THEME.garden,
    wood: LIGHT_THEME.wood,
    parkLabel: LIGHT_THEME.parkLabel,
    landuse: '#ebe7de',
    building: '#ddd6cb',
    buildingEdge: '#c7bfb2',
    casing: '#c9c2b6',
    minor: '#ffffff',
    major: '#ffffff',
    highway: '#fcd38d',
    path: '#b5ad9f',
    rail: '#9ca3af',
    label: '#374151',
    labelMajor: '#1f2937',
    placeLabel: '#4b5563',
    address: '#6b7280',
    halo: '#ffffff',
  },
};
