// The after-action figures from hand-made rows: busy time clipped to the window, a unit's status
// before its first change, nearest-rank percentiles, the document's marking as the intersection.
import { describe, expect, it } from 'vitest';
import { commonMarking, computeAfterAction } from '../../shared/after-action/compute.js';
import type { AfterActionSource } from '../../shared/after-action/model.js';
import { stat } from '../../shared/after-action/stats.js';

const at = (min: number) => new Date(Date.parse('2024-07-26T16:00:00Z') + min * 60_000).toISOString();
const inputs = {
  lang: 'en',
  generatedAt: at(120),
  generatedBy: { name: 'A', role: 'supervisor', desk: 'D1' },
} as const;

function source(over: Partial<AfterActionSource>): AfterActionSource {
  return {
    operation: { name: 'Op', mode: 'exercise', timezone: 'Europe/Paris' },
    hostCountry: 'FR',
    window: { from: at(0), to: at(60) },
    incidents: [],
    steps: [],
    requests: [],
    units: [],
    unitChanges: [],
    ...over,
  };
}

describe('after-action figures', () => {
  it('clips busy time to the window and starts each unit in its first change’s "from" status', () => {
    const m = computeAfterAction(
      source({
        units: [
          { id: 'u1', contingent: 'ES · GC', status: 'available' },
          { id: 'u2', contingent: 'ES · GC', status: 'on_scene' },
          { id: 'u3', contingent: 'DE · BP', status: 'available' },
        ],
        unitChanges: [
          // u1: en route from before the window, on scene at 16:20, available at 17:30 (after it).
          { unitId: 'u1', at: at(20), from: 'en_route', to: 'on_scene' },
          { unitId: 'u1', at: at(90), from: 'on_scene', to: 'available' },
          // u3: off duty, then assigned for ten minutes inside the window.
          { unitId: 'u3', at: at(-30), from: 'off_duty', to: 'available' },
          { unitId: 'u3', at: at(40), from: 'available', to: 'assigned' },
          { unitId: 'u3', at: at(50), from: 'assigned', to: 'available' },
        ],
      }),
      inputs,
    );
    expect(m.busy).toEqual([
      {
        contingent: 'ES · GC',
        units: 2,
        // u1 20 min en route and 40 on scene; u2 (never changed) on scene all hour.
        byState: { assigned: 0, en_route: 1200, on_scene: 2400 + 3600 },
        totalS: 7200,
        perUnitS: 3600,
      },
      {
        contingent: 'DE · BP',
        units: 1,
        byState: { assigned: 600, en_route: 0, on_scene: 0 },
        totalS: 600,
        perUnitS: 600,
      },
    ]);
  });

  it('takes nearest-rank percentiles and the mean of the middle two for an even median', () => {
    expect(stat([60, null, 180, 120, 600])).toEqual({ count: 4, medianS: 150, p90S: 600, maxS: 600 });
    expect(stat(Array.from({ length: 10 }, (_, i) => (i + 1) * 10))).toMatchObject({ medianS: 55, p90S: 90 });
    expect(stat([null])).toEqual({ count: 0, medianS: null, p90S: null, maxS: null });
  });

  it('marks the document with what every item in it is releasable to', () => {
    expect(commonMarking([null, null])).toBeNull();
    expect(commonMarking([null, ['ES', 'DE'], ['DE', 'IT']])).toEqual(['DE']);
    expect(commonMarking([['ES'], []])).toEqual([]);
  });
});
