// Colours for the printed report (white paper): the console's meanings, darker so they read on
// white and stay apart in greyscale print.
import type { Priority, UnitStatus } from '../domain.js';

export const UNIT_STATUS_INK: Record<UnitStatus, string> = {
  available: '#16a34a',
  assigned: '#ca8a04',
  en_route: '#ea580c',
  on_scene: '#2563eb',
  off_duty: '#94a3b8',
  out_of_service: '#be123c',
};

export const PRIORITY_INK: Record<Priority, string> = {
  1: '#dc2626',
  2: '#f97316',
  3: '#eab308',
  4: '#64748b',
};

export const MAP_INK = {
  land: '#f6f5f1',
  frame: '#9ca3af',
  water: '#cfe2f3',
  park: '#dcebd3',
  road: '#ffffff',
  roadEdge: '#b8b4a8',
  district: '#bdb9ae',
  waterEdge: '#7fa9cf',
  route: '#a21caf',
  venue: '#6d28d9',
  label: '#1f2937',
  halo: '#ffffff',
  markerEdge: '#1f2937',
} as const;

/** Text and rule colours shared by the HTML and PDF renderers. */
export const INK = {
  text: '#111827',
  muted: '#6b7280',
  rule: '#d1d5db',
  headerFill: '#f3f4f6',
  warn: '#b45309',
  preview: '#b91c1c',
} as const;
