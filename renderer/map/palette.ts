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

export const THEME = {
  land: '#141a22',
  landEdge: '#1f2833',
  water: '#123a5c',
  waterEdge: '#2a5f8a',
  island: '#1b232d',
  route: '#e879f9',
  routeGlow: '#a21caf',
  bridge: '#e2e8f0',
  venue: '#c4b5fd',
  label: '#e6edf3',
  labelMuted: '#b6c2cf',
  halo: '#0b0f14',
  selected: '#ffffff',
} as const;
