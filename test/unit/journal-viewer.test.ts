// Pure helpers of the journal viewer (renderer/journal), checked in Node: an entry's data in one
// readable line, and the filter form turned into listJournal's query.
import { describe, expect, it } from 'vitest';

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
async function load<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ path)) as T;
}

type Summarize = { summarize(data: unknown, entityId?: string | null): string };
interface Filters {
  EMPTY_FILTERS: Record<string, string>;
  toQuery(
    f: Record<string, string>,
    timeZone: string,
  ): { ok: true; query: Record<string, string> } | { ok: false; bad: string[] };
}

describe('journal entry summary', () => {
  it('reads as key: value pairs, changes as from → to, lists joined, nested lists counted', async () => {
    const { summarize } = await load<Summarize>('../../renderer/journal/summary.ts');
    expect(summarize({ title: 'Sac abandonné', priority: 2, reassigned: false })).toBe(
      'title: Sac abandonné · priority: 2 · reassigned: false',
    );
    expect(summarize({ changes: { priority: { from: 3, to: 1 }, title: { from: 'A', to: null } } })).toBe(
      'changes: { priority: 3 → 1, title: A → — }',
    );
    expect(summarize({ units: ['FR-PAT-01', 'ES-GC-K9-05'] })).toBe('units: FR-PAT-01, ES-GC-K9-05');
    expect(
      summarize({
        polygon: [
          [
            [2.34, 48.85],
            [2.35, 48.85],
            [2.34, 48.86],
          ],
        ],
      }),
    ).toBe('polygon: [3]');
    expect(summarize({ text: 'two\nlines   here' })).toBe('text: two lines here');
    // Empty fields are left out, and so is an id the entity column already shows.
    expect(summarize({ id: 'i1', title: 'T', reporter: null, description: '' }, 'i1')).toBe('title: T');
    expect(summarize({ id: 'i2', title: 'T' }, 'i1')).toBe('id: i2 · title: T');
  });

  it('says nothing for no data, and bounds what it says', async () => {
    const { summarize } = await load<Summarize>('../../renderer/journal/summary.ts');
    expect(summarize(null)).toBe('');
    expect(summarize('plain')).toBe('plain');
    const long = summarize({ text: 'x'.repeat(500), more: 'y'.repeat(500), list: Array(20).fill(1) });
    expect(long.length).toBeLessThanOrEqual(300);
    expect(summarize({ text: 'x'.repeat(500) })).toBe(`text: ${'x'.repeat(79)}…`);
    expect(summarize({ list: Array.from({ length: 9 }, (_, i) => i) })).toBe('list: 0, 1, 2, 3, 4, 5 (+3)');
  });
});

describe('journal filter form', () => {
  it('leaves blanks out, trims, and reads times as wall time in the operation zone', async () => {
    const { EMPTY_FILTERS, toQuery } = await load<Filters>('../../renderer/journal/filters.ts');
    expect(toQuery(EMPTY_FILTERS, 'Europe/Paris')).toEqual({ ok: true, query: {} });
    expect(
      toQuery(
        {
          ...EMPTY_FILTERS,
          operator: ' girard ',
          action: 'incident',
          from: '2024-07-26T18:00',
          to: '2024-07-26T20:30',
        },
        'Europe/Paris',
      ),
    ).toEqual({
      ok: true,
      query: {
        operator: 'girard',
        action: 'incident',
        from: '2024-07-26T16:00:00.000Z',
        to: '2024-07-26T18:30:00.000Z',
      },
    });
  });

  it('names the time fields that do not parse', async () => {
    const { EMPTY_FILTERS, toQuery } = await load<Filters>('../../renderer/journal/filters.ts');
    expect(
      toQuery({ ...EMPTY_FILTERS, from: 'soon', to: '2024-07-26T20:30', desk: '' }, 'Europe/Paris'),
    ).toEqual({
      ok: false,
      bad: ['from'],
    });
  });
});
