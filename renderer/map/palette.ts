// Colours for the dark operations room, shared by the map style, the legend and the list badges.
// Chosen to stay apart from each other on a dark background at wall distance.
import type { Priority, UnitStatus } from '../../shared/domain';

export const UNIT_STATUS_COLOR: Record<UnitStatus, string> = {
  available: '#34d399',
  assigned: '#facc15',
  en_route: '#fb923c',
  on_scene: '#60a5fa',
  off_duty: '#94a3b8',
  out_of_service: '#f43f5e',
};

export const PRIORITY_COLOR: Record<Priority, string> = {
  1: '#ff3b3b',
  2: '#ff9f1c',
  3: '#ffe066',
  4: '#a3acb9',
};

/** The same colours as CSS variables (base.css, theme-light.css), for text and bars in the console:
 *  the light theme swaps them for darker shades that keep WCAG AA contrast on a light background. */
export const UNIT_STATUS_VAR: Record<UnitStatus, string> = {
  available: 'var(--us-available)',
  assigned: 'var(--us-assigned)',
  en_route: 'var(--us-en_route)',
  on_scene: 'var(--us-on_scene)',
  off_duty: 'var(--us-off_duty)',
  out_of_service: 'var(--us-out_of_service)',
};

export const PRIORITY_VAR: Record<Priority, string> = {
  1: 'var(--pr-1)',
  2: 'var(--pr-2)',
  3: 'var(--pr-3)',
  4: 'var(--pr-4)',
};

/** Incident references as the map writes them, per theme: the priority colours, lightened (dark)
 *  or darkened (light) where needed to keep WCAG AA on the halo and on any ground. */
export const PRIORITY_TEXT: Record<'dark' | 'light', Record<Priority, string>> = {
  dark: { ...PRIORITY_COLOR, 1: '#ff6b6b' },
  light: { 1: '#991b1b', 2: '#9a3412', 3: '#713f12', 4: '#374151' },
};

export const THEME = {
  land: '#10151c',
  landEdge: '#1f2833',
  paris: '#1a222c',
  outline: '#8696a8',
  arrondissement: '#56677a',
  arrondissementLabel: '#8ea2b8',
  garden: '#1f4030',
  wood: '#1a3626',
  parkLabel: '#6fbf8f',
  periph: '#f59e0b',
  axisMajor: '#3b4a5c',
  axisQuay: '#2f3c4b',
  axisLabel: '#a7b6c6',
  water: '#174a73',
  waterEdge: '#2f6e9e',
  island: '#1d2630',
  route: '#e879f9',
  routeGlow: '#a21caf',
  bridge: '#e2e8f0',
  venue: '#c4b5fd',
  label: '#e6edf3',
  labelMuted: '#b6c2cf',
  halo: '#0b0f14',
  selected: '#ffffff',
} as const;

export type ThemeColors = { readonly [K in keyof typeof THEME]: string };

/** The light (daylight) map: the same roles, every dark colour above has its light counterpart. */
export const LIGHT_THEME: ThemeColors = {
  land: '#dcd8cf',
  landEdge: '#c9c4b8',
  paris: '#f4f1ea',
  outline: '#4b5563',
  arrondissement: '#8a8f99',
  arrondissementLabel: '#6b7280',
  garden: '#bfe0a8',
  wood: '#a6d08f',
  parkLabel: '#2f6b3a',
  periph: '#d97706',
  axisMajor: '#ffffff',
  axisQuay: '#fbfaf7',
  axisLabel: '#374151',
  water: '#9ec8ea',
  waterEdge: '#5f9ccc',
  island: '#ece8df',
  route: '#c026d3',
  routeGlow: '#f0abfc',
  bridge: '#1f2937',
  venue: '#6d28d9',
  label: '#111827',
  labelMuted: '#374151',
  halo: '#ffffff',
  selected: '#111827',
};

export const MAP_THEMES = ['dark', 'light'] as const;
export type MapTheme = (typeof MAP_THEMES)[number];
