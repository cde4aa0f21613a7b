// Keeps object identity for rows that did not change between two reads of a list, and the list's
// own identity when nothing changed at all, so selectors and map sources skip needless work.

const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `same` decides whether two reads of one row are equal (JSON by default; a list of tens of
 * thousands of rows passes a cheaper test, such as its version).
 */
export function reconcileById<T extends { id: string }>(
  prev: readonly T[],
  next: T[],
  same: (a: T, b: T) => boolean = sameJson,
): T[] {
  const before = new Map(prev.map((row) => [row.id, row]));
  let changed = prev.length !== next.length;
  const merged = next.map((row, i) => {
    const old = before.get(row.id);
    if (old && same(old, row)) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return row;
  });
  return changed ? merged : (prev as T[]);
}

/** Returns the list with one row replaced (matched by id). */
export function replaceById<T extends { id: string }>(list: readonly T[], row: T): T[] {
  return list.map((r) => (r.id === row.id ? row : r));
}
