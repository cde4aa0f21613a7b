// What the map shows: its theme (dark ops room / light daylight, kept per browser; the whole
// console follows it, common/ThemeChoice.tsx) and the layers
// panel's choices (groups, unit kinds and countries, incident priorities), kept per desk in
// localStorage under `vigie.map.layers.<desk>` so each desk finds its own map again. Also the
// parade column to draw, the open map tool, and the zone being drawn or edited.
import type { BasemapInfo } from '../../shared/api/map';
import type { Ring } from '../map-tools/zone-shape';
import type { ParadeDraw } from '../map/layers/parade';
import type { LayerGroup } from '../map/layers/types';
import type { MapTheme } from '../map/palette';
import type { Slice } from './types';

export interface MapLayerPrefs {
  hiddenGroups: LayerGroup[];
  hiddenKinds: string[];
  hiddenCountries: string[];
  hiddenPriorities: number[];
}

export interface MapSlice {
  /** The console's theme, map included (named for the map, which had it first). */
  mapTheme: MapTheme;
  setMapTheme: (theme: MapTheme) => void;
  /** The desk whose layer choices are loaded ('' before sign-in). */
  mapDesk: string;
  mapLayers: MapLayerPrefs;
  /** Loads the layer choices of a desk (call when the operator's desk changes). */
  loadMapLayers: (desk: string) => void;
  setMapLayers: (change: Partial<MapLayerPrefs>) => void;
  /** The parade column the map draws (at the tracker's time: now, or where the slider is). */
  paradeDraw: ParadeDraw | null;
  setParadeDraw: (draw: ParadeDraw | null) => void;
  /** The map tool panel open over the map. */
  mapTool: MapTool | null;
  setMapTool: (tool: MapTool | null) => void;
  /** The zone being drawn: its points so far ([lon, lat]); `closed` once the ring is finished. */
  zoneDraft: { points: [number, number][]; closed: boolean } | null;
  setZoneDraft: (draft: { points: [number, number][]; closed: boolean } | null) => void;
  /** The zone open for editing in the zones panel. */
  editedZoneId: string | null;
  setEditedZoneId: (id: string | null) => void;
  /** The zone whose corners are being edited on the map (null when none). */
  zoneShape: ZoneShapeEdit | null;
  setZoneShape: (edit: ZoneShapeEdit | null) => void;
  /** The distance tool's points ([lon, lat]). */
  measurePoints: [number, number][];
  setMeasurePoints: (points: [number, number][]) => void;
  /** Where the search asked the map to fly (seq changes on each request). */
  flyTarget: { lon: number; lat: number; zoom: number; seq: number } | null;
  flyTo: (lon: number, lat: number, zoom: number) => void;
  /** The operator's base map (getBasemap), null while the built-in map of Paris is used. */
  basemap: BasemapInfo | null;
  setBasemap: (basemap: BasemapInfo | null) => void;
}

/** A shape edit: the zone's version when it began, its stored rings and the edited ones (open rings). */
export interface ZoneShapeEdit {
  zoneId: string;
  version: number;
  original: Ring[];
  rings: Ring[];
}

export type MapTool = 'layers' | 'parade' | 'zones' | 'measure';

const THEME_KEY = 'vigie.map.theme';
export const mapLayersKey = (desk: string) => `vigie.map.layers.${desk || 'none'}`;

export const DEFAULT_LAYERS: MapLayerPrefs = {
  hiddenGroups: [],
  hiddenKinds: [],
  hiddenCountries: [],
  hiddenPriorities: [],
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage unavailable: the choice lasts for this session only
  }
}

function readLayers(desk: string): MapLayerPrefs {
  try {
    const raw = JSON.parse(read(mapLayersKey(desk)) ?? 'null') as Record<string, unknown> | null;
    if (!raw || typeof raw !== 'object') return DEFAULT_LAYERS;
    return {
      hiddenGroups: strings(raw.hiddenGroups) as LayerGroup[],
      hiddenKinds: strings(raw.hiddenKinds),
      hiddenCountries: strings(raw.hiddenCountries),
      hiddenPriorities: Array.isArray(raw.hiddenPriorities)
        ? raw.hiddenPriorities.filter((x): x is number => typeof x === 'number')
        : [],
    };
  } catch {
    return DEFAULT_LAYERS;
  }
}

export const createMapSlice: Slice<MapSlice> = (set, get) => ({
  mapTheme: read(THEME_KEY) === 'light' ? 'light' : 'dark',
  setMapTheme: (mapTheme) => {
    write(THEME_KEY, mapTheme);
    set({ mapTheme });
  },
  mapDesk: '',
  mapLayers: readLayers(''),
  loadMapLayers: (desk) => {
    if (desk === get().mapDesk) return;
    set({ mapDesk: desk, mapLayers: readLayers(desk) });
  },
  setMapLayers: (change) => {
    const mapLayers = { ...get().mapLayers, ...change };
    write(mapLayersKey(get().mapDesk), JSON.stringify(mapLayers));
    set({ mapLayers });
  },
  paradeDraw: null,
  setParadeDraw: (paradeDraw) => set({ paradeDraw }),
  mapTool: null,
  setMapTool: (mapTool) => set({ mapTool }),
  zoneDraft: null,
  setZoneDraft: (zoneDraft) => set({ zoneDraft }),
  editedZoneId: null,
  setEditedZoneId: (editedZoneId) => set({ editedZoneId }),
  zoneShape: null,
  setZoneShape: (zoneShape) => set({ zoneShape }),
  measurePoints: [],
  setMeasurePoints: (measurePoints) => set({ measurePoints }),
  flyTarget: null,
  basemap: null,
  setBasemap: (basemap) => set({ basemap }),
  flyTo: (lon, lat, zoom) => set({ flyTarget: { lon, lat, zoom, seq: (get().flyTarget?.seq ?? 0) + 1 } }),
});
