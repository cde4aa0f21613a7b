import { beforeAll, describe, expect, it } from 'vitest';
import type { AlertLevel, Bulletin } from '../../shared/awareness.js';
import type { Incident, Route, Unit, UnitStatus } from '../../shared/domain.js';
import type { BridgePass, ParadeState } from '../../shared/parade.js';

interface SectorRow {
  sector: string | null;
  counts: Record<UnitStatus, number>;
  total: number;
}
interface WallData {
  unitsBySector(units: readonly Unit[]): { rows: SectorRow[]; totals: SectorRow };
  urgentIncidents(incidents: readonly Incident[]): Incident[];
  nextBridge(state: ParadeState | null): BridgePass | null;
  latestBulletins(bulletins: readonly Bulletin[], n?: number): Bulletin[];
  levelStep(level: Pick<AlertLevel, 'scale' | 'level'>): number;
}
interface Camera {
  placesNear<P extends { lon: number; lat: number }>(
    routes: readonly Route[],
    places: readonly P[],
    km?: number,
  ): P[];
}
let wall: WallData;
let placesNear: Camera['placesNear'];

// Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'.
beforeAll(async () => {
  const data = '../../renderer/wall/wall-data.ts';
  const camera = '../../renderer/map/camera.ts';
  wall = (await import(/* @vite-ignore */ data)) as WallData;
  ({ placesNear } = (await import(/* @vite-ignore */ camera)) as Camera);
});

let n = 0;
const unit = (sector: string | null, status: UnitStatus): Unit =>
  ({ id: `u${++n}`, callsign: `U${n}`, sector, status }) as Unit;
const incident = (priority: 1 | 2 | 3 | 4, status: Incident['status'], createdAt: string): Incident =>
  ({ id: `i${++n}`, reference: `INC-${n}`, priority, status, createdAt }) as Incident;

describe('units by status per sector', () => {
  it('counts each status per sector, sectors in name order, no sector last, and the totals', () => {
    const { rows, totals } = wall.unitsBySector([
      unit('Trocadéro', 'available'),
      unit(null, 'on_scene'),
      unit('Bercy', 'on_scene'),
      unit('Trocadéro', 'on_scene'),
      unit('Trocadéro', 'available'),
      unit('  ', 'off_duty'),
      unit('Cité', 'out_of_service'),
    ]);
    expect(rows.map((r) => r.sector)).toEqual(['Bercy', 'Cité', 'Trocadéro', null]);
    const troca = rows[2];
    expect(troca?.counts).toEqual({
      available: 2,
      assigned: 0,
      en_route: 0,
      on_scene: 1,
      off_duty: 0,
      out_of_service: 0,
    });
    expect(troca?.total).toBe(3);
    // A blank sector is no sector.
    expect(rows[3]).toMatchObject({ sector: null, total: 2, counts: { on_scene: 1, off_duty: 1 } });
    expect(totals.total).toBe(7);
    expect(totals.counts).toMatchObject({ available: 2, on_scene: 3, off_duty: 1, out_of_service: 1 });
  });

  it('has no rows and zero totals without units', () => {
    const { rows, totals } = wall.unitsBySector([]);
    expect(rows).toEqual([]);
    expect(totals.total).toBe(0);
    expect(Object.values(totals.counts).every((c) => c === 0)).toBe(true);
  });
});

describe('urgent incidents', () => {
  it('keeps the open P1 and P2, P1 first and the oldest first within a priority', () => {
    const p2old = incident(2, 'dispatched', '2024-07-26T16:01:00.000Z');
    const p1new = incident(1, 'new', '2024-07-26T16:20:00.000Z');
    const p2new = incident(2, 'on_scene', '2024-07-26T16:10:00.000Z');
    const p1old = incident(1, 'acknowledged', '2024-07-26T16:05:00.000Z');
    const list = [
      p2old,
      incident(3, 'new', '2024-07-26T16:00:00.000Z'),
      p1new,
      incident(1, 'resolved', '2024-07-26T15:00:00.000Z'),
      incident(2, 'closed', '2024-07-26T15:00:00.000Z'),
      incident(1, 'cancelled', '2024-07-26T15:00:00.000Z'),
      p2new,
      p1old,
      incident(4, 'new', '2024-07-26T16:00:00.000Z'),
    ];
    expect(wall.urgentIncidents(list)).toEqual([p1old, p1new, p2old, p2new]);
  });
});

describe('the parade, the bulletins and the alert level', () => {
  const pass = (name: string, headPassed: boolean) => ({ name, headPassed }) as BridgePass;

  it('names the first bridge the head has not passed, or none', () => {
    const state = { bridges: [pass('Austerlitz', true), pass('Sully', false), pass('Marie', false)] };
    expect(wall.nextBridge(state as ParadeState)?.name).toBe('Sully');
    expect(wall.nextBridge({ bridges: [pass('Iéna', true)] } as ParadeState)).toBeNull();
    expect(wall.nextBridge(null)).toBeNull();
  });

  it('lists the bulletins in force, newest first, five at most', () => {
    const b = (id: string, publishedAt: string, withdrawnAt: string | null = null) =>
      ({ id, title: id, publishedAt, withdrawnAt }) as Bulletin;
    const list = [
      b('a', '2024-07-26T16:00:00Z'),
      b('b', '2024-07-26T16:05:00Z', '2024-07-26T16:06:00Z'),
      b('c', '2024-07-26T16:10:00Z'),
      b('d', '2024-07-26T16:02:00Z'),
      b('e', '2024-07-26T16:03:00Z'),
      b('f', '2024-07-26T16:04:00Z'),
      b('g', '2024-07-26T16:01:00Z'),
    ];
    expect(wall.latestBulletins(list).map((x) => x.id)).toEqual(['c', 'f', 'e', 'd', 'g']);
    expect(wall.latestBulletins(list, 2).map((x) => x.id)).toEqual(['c', 'f']);
  });

  it('places a level on its scale from 0 (lowest) to 1 (highest)', () => {
    expect(wall.levelStep({ scale: 'vigipirate', level: 'vigilance' })).toBe(0);
    expect(wall.levelStep({ scale: 'vigipirate', level: 'securite_renforcee' })).toBe(0.5);
    expect(wall.levelStep({ scale: 'vigipirate', level: 'urgence_attentat' })).toBe(1);
    expect(wall.levelStep({ scale: 'ntas', level: 'elevated' })).toBeCloseTo(2 / 3);
    expect(wall.levelStep({ scale: 'ntas', level: 'unknown' })).toBe(0);
  });
});

describe('what the wall frames with the route', () => {
  const route = {
    id: 'r',
    name: 'Seine',
    bridges: [],
    coordinates: [
      [2.366, 48.845],
      [2.289, 48.862],
    ],
  } as Route;
  it('keeps the places within 1 km of the route and drops the far ones', () => {
    const near = { name: 'Bercy', lon: 2.3786, lat: 48.8386 };
    const westEdge = { name: 'Invalides', lon: 2.314, lat: 48.861 };
    const far = [
      { name: 'Roland-Garros', lon: 2.2494, lat: 48.8463 },
      { name: 'Stade de France', lon: 2.3602, lat: 48.9244 },
      { name: 'Versailles', lon: 2.1204, lat: 48.8049 },
      { name: 'Vaires', lon: 2.6139, lat: 48.8617 },
    ];
    expect(placesNear([route], [near, westEdge, ...far]).map((p) => p.name)).toEqual(['Bercy', 'Invalides']);
    expect(placesNear([route], [...far], 3).map((p) => p.name)).toEqual(['Roland-Garros']);
    expect(placesNear([route], [...far], 30).length).toBe(4);
    expect(placesNear([], [near])).toEqual([]);
  });
});
