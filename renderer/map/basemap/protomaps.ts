// A Protomaps basemap file (roads, water, landuse, buildings, places, earth…) as a street map, with
// the layers @protomaps/basemaps builds for its schema. Three things change so it stays offline and
// in the console's look: its colours come from the console's theme (colors.ts; the package's dark
// flavour draws water and parks grey), every font stack is one of the two bundled ones (Noto Sans is
// not shipped), and what needs a sprite goes (there is none): icon-only layers are dropped, icons
// are taken off labels that also have text. Its background is left out: the caller draws the land.
import { layers as protomapsLayers, namedFlavor, type Flavor } from '@protomaps/basemaps';
import type { LayerSpecification } from 'maplibre-gl';
import { FONT_REGULAR, FONT_SEMIBOLD } from '../glyphs';
import type { MapTheme } from '../palette';
import { STREET_COLORS } from './colors';

function flavor(theme: MapTheme): Flavor {
  const c = STREET_COLORS[theme];
  const base = namedFlavor(theme);
  return {
    ...base,
    earth: c.land,
    water: c.water,
    park_a: c.park,
    park_b: c.park,
    wood_a: c.wood,
    wood_b: c.wood,
    scrub_a: c.park,
    scrub_b: c.park,
    zoo: c.park,
    buildings: c.building,
    pedestrian: c.landuse,
    minor_casing: c.casing,
    minor_service_casing: c.casing,
    link_casing: c.casing,
    major_casing_early: c.casing,
    major_casing_late: c.casing,
    highway_casing_early: c.casing,
    highway_casing_late: c.casing,
    minor_a: c.minor,
    minor_b: c.minor,
    minor_service: c.minor,
    other: c.path,
    link: c.major,
    major: c.major,
    highway: c.highway,
    bridges_minor: c.minor,
    bridges_major: c.major,
    bridges_highway: c.highway,
    railway: c.rail,
    roads_label_minor: c.label,
    roads_label_minor_halo: c.halo,
    roads_label_major: c.labelMajor,
    roads_label_major_halo: c.halo,
    subplace_label: c.placeLabel,
    subplace_label_halo: c.halo,
    city_label: c.labelMajor,
    city_label_halo: c.halo,
    ocean_label: c.waterLabel,
    address_label: c.address,
    address_label_halo: c.halo,
    pois: base.pois && {
      ...base.pois,
      green: c.parkLabel,
      blue: c.waterLabel,
      slategray: c.label,
    },
  };
}

/** A bundled font stack for one of the package's: its medium and bold weights become SemiBold. */
const inter = (font: string): string =>
  (/Medium|Bold/.test(font) ? FONT_SEMIBOLD[0] : FONT_REGULAR[0]) ?? font;

/** A copy with every Noto font name (in plain stacks and inside format expressions) made Inter. */
function bundledFonts<T>(value: T): T {
  if (typeof value === 'string') return (value.startsWith('Noto ') ? inter(value) : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => bundledFonts(v)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bundledFonts(v)])) as T;
  return value;
}

/** Without a sprite: none for icon-only layers and shields, text only for the others. */
function withoutIcons(layer: LayerSpecification): LayerSpecification | null {
  if (layer.type !== 'symbol' || !layer.layout || !('icon-image' in layer.layout)) return layer;
  if (!('text-field' in layer.layout) || layer.id.includes('shield')) return null;
  // The text offset made room for the icon: without it the label sits on its point.
  const layout = Object.fromEntries(
    Object.entries(layer.layout).filter(([k]) => !k.startsWith('icon-') && k !== 'text-offset'),
  );
  const paint = Object.fromEntries(Object.entries(layer.paint ?? {}).filter(([k]) => !k.startsWith('icon-')));
  return { ...layer, layout, paint } as LayerSpecification;
}

/** House numbers from z17 (the package waits for z18, the console's closest zoom). */
const ADDRESS_MINZOOM = 17;

export function protomapsStreetLayers(
  source: string,
  prefix: string,
  theme: MapTheme,
  lang: string,
): LayerSpecification[] {
  return protomapsLayers(source, flavor(theme), { lang })
    .filter((l) => l.type !== 'background')
    .map((l) => withoutIcons(bundledFonts(l as LayerSpecification)))
    .filter((l): l is LayerSpecification => l !== null)
    .map((l) => ({
      ...l,
      id: `${prefix}${l.id}`,
      ...(l.id === 'address_label' ? { minzoom: ADDRESS_MINZOOM } : {}),
    }));
}
