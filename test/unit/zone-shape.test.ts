// The pure corner editing of a stored zone (renderer/map-tools/zone-shape.ts): open and close rings,
// move, insert on a midpoint and remove corners (never below three), and the shared geometry check.
import { describe, expect, it } from 'vitest';

type Ring = [number, number][];
interface Ref {
  ring: number;
  index: number;
}
interface ZoneShape {
  MIN_CORNERS: number;
  openRings(polygon: Ring[]): Ring[];
  closeRings(rings: Ring[]): Ring[];
  moveCorner(rings: Ring[], at: Ref, to: [number, number]): Ring[];
  edgeMidpoint(rings: Ring[], at: Ref): [number, number] | null;
  insertCorner(rings: Ring[], at: Ref, corner: [number, number]): Ring[];
  canRemoveCorner(rings: Ring[], at: Ref): boolean;
  removeCorner(rings: Ring[], at: Ref): Ring[];
  cornerCount(rings: Ring[]): number;
  sameShape(a: Ring[], b: Ring[]): boolean;
  shapeProblems(rings: Ring[]): { message: string }[];
}

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
async function load(): Promise<ZoneShape> {
  const path = '../../renderer/map-tools/zone-shape.ts';
  return (await import(/* @vite-ignore */ path)) as ZoneShape;
}

const SQUARE: Ring = [
  [2.33, 48.82],
  [2.34, 48.82],
  [2.34, 48.83],
  [2.33, 48.83],
];
const STORED: Ring[] = [[...SQUARE, [2.33, 48.82]]];

describe('editing a zone by its corners', () => {
  it('opens the stored rings (no closing position) and closes them again', async () => {
    const z = await load();
    const open = z.openRings(STORED);
    expect(open).toEqual([SQUARE]);
    expect(z.closeRings(open)).toEqual(STORED);
    expect(z.cornerCount(open)).toBe(4);
    // A copy: editing never changes the zone the store holds.
    open[0]?.[0]?.splice(0, 1, 0);
    expect(STORED[0]?.[0]).toEqual([2.33, 48.82]);
  });

  it('moves one corner and leaves the input untouched', async () => {
    const z = await load();
    const rings = z.openRings(STORED);
    const moved = z.moveCorner(rings, { ring: 0, index: 2 }, [2.345, 48.835]);
    expect(moved[0]?.[2]).toEqual([2.345, 48.835]);
    expect(rings[0]?.[2]).toEqual([2.34, 48.83]);
    expect(z.sameShape(moved, rings)).toBe(false);
    expect(z.sameShape(z.moveCorner(rings, { ring: 0, index: 9 }, [0, 0]), rings)).toBe(true);
    expect(z.shapeProblems(moved)).toEqual([]);
  });

  it('inserts a corner on an edge midpoint, the closing edge included', async () => {
    const z = await load();
    const rings = z.openRings(STORED);
    const mid = z.edgeMidpoint(rings, { ring: 0, index: 0 });
    expect(mid?.[0]).toBeCloseTo(2.335, 10);
    expect(mid?.[1]).toBeCloseTo(48.82, 10);
    const five = z.insertCorner(rings, { ring: 0, index: 0 }, [2.335, 48.81]);
    expect(five[0]).toHaveLength(5);
    expect(five[0]?.[1]).toEqual([2.335, 48.81]);
    expect(z.shapeProblems(five)).toEqual([]);
    // Edge 3 runs from the last corner back to the first.
    expect(z.edgeMidpoint(rings, { ring: 0, index: 3 })).toEqual([2.33, 48.825]);
    const closing = z.insertCorner(rings, { ring: 0, index: 3 }, [2.325, 48.825]);
    expect(closing[0]?.[4]).toEqual([2.325, 48.825]);
  });

  it('removes a corner, but never below three', async () => {
    const z = await load();
    expect(z.MIN_CORNERS).toBe(3);
    const rings = z.openRings(STORED);
    const three = z.removeCorner(rings, { ring: 0, index: 1 });
    expect(three[0]).toEqual([SQUARE[0], SQUARE[2], SQUARE[3]]);
    expect(z.canRemoveCorner(three, { ring: 0, index: 0 })).toBe(false);
    expect(z.removeCorner(three, { ring: 0, index: 0 })).toBe(three);
    expect(z.canRemoveCorner(rings, { ring: 1, index: 0 })).toBe(false);
    expect(z.shapeProblems(three)).toEqual([]);
  });

  it('edits a hole on its own ring', async () => {
    const z = await load();
    const hole: Ring = [
      [2.334, 48.824],
      [2.336, 48.824],
      [2.336, 48.826],
    ];
    const rings = [...z.openRings(STORED), hole];
    const grown = z.insertCorner(rings, { ring: 1, index: 2 }, [2.334, 48.826]);
    expect(grown[0]).toBe(rings[0]);
    expect(grown[1]).toHaveLength(4);
    expect(z.shapeProblems(grown)).toEqual([]);
  });

  it('finds a corner dragged across the ring (self-intersection) with the shared rules', async () => {
    const z = await load();
    // Corner 1 dragged past corner 2: the outline becomes a bow tie.
    const bowTie = z.moveCorner(z.openRings(STORED), { ring: 0, index: 1 }, [2.34, 48.835]);
    const problems = z.shapeProblems(bowTie);
    expect(problems[0]?.message).toMatch(/crosses itself/);
  });
});
