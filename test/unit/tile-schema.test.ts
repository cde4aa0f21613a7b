// Which schema a vector tile file follows, from the layer names of its metadata: the Protomaps
// basemap, OpenMapTiles, or neither (drawn with the generic look).
import { describe, expect, it } from 'vitest';
import { detectSchema } from '../../electron/tiles/schema.js';
import { vectorLayers } from '../support/vector-tiles.js';

/** vector_layers entries with these ids (space-separated). */
const named = (ids: string) => ids.split(' ').map((id) => ({ id, fields: {} }));

describe('detectSchema', () => {
  it('knows a Protomaps basemap extract (v4 and the older v3 layer set)', () => {
    expect(detectSchema(named('boundaries buildings earth landcover landuse places pois roads water'))).toBe(
      'protomaps',
    );
    expect(
      detectSchema(
        named(
          'earth natural land water physical_line buildings physical_point places roads transit pois boundaries mask',
        ),
      ),
    ).toBe('protomaps');
    // An extract cut down to streets and land still is one.
    expect(detectSchema(named('roads earth'))).toBe('protomaps');
  });

  it('knows an OpenMapTiles extract (planetiler, tilemaker)', () => {
    expect(
      detectSchema(
        named(
          'water waterway landcover landuse mountain_peak park boundary aeroway transportation building water_name transportation_name place housenumber poi aerodrome_label',
        ),
      ),
    ).toBe('openmaptiles');
    expect(detectSchema(named('transportation transportation_name'))).toBe('openmaptiles');
  });

  it('knows the test suite’s own files of each schema', () => {
    expect(detectSchema(vectorLayers('protomaps'))).toBe('protomaps');
    expect(detectSchema(vectorLayers('openmaptiles'))).toBe('openmaptiles');
  });

  it('says neither for other layer sets, a lone shared name, no layers or damaged entries', () => {
    expect(detectSchema(named('zones sectors'))).toBeNull();
    expect(detectSchema(named('water landuse'))).toBeNull();
    expect(detectSchema(named('roads'))).toBeNull();
    expect(detectSchema(named('transportation'))).toBeNull();
    expect(detectSchema([])).toBeNull();
    expect(detectSchema([null, 3, 'roads', { id: 7 }, { name: 'earth' }])).toBeNull();
    expect(detectSchema([null, { id: 'roads' }, { id: 'earth' }])).toBe('protomaps');
  });
});
