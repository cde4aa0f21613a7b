// The two small rules releasability leans on outside SQL: the board's free-text match re-checked on
// what one desk may see, and the country codes an officer types in the marking picker.
import { describe, expect, it } from 'vitest';
import { matchesVisibleText } from '../../electron/services/text-match.js';

type Marking = readonly string[] | null;
interface MarkingText {
  markingCountries(m: Marking, host: string): string[];
  parseCountries(text: string): string[] | null;
  sameMarking(a: Marking, b: Marking): boolean;
}

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
async function load(): Promise<MarkingText> {
  const path = '../../renderer/marking/marking-text.ts';
  return (await import(/* @vite-ignore */ path)) as MarkingText;
}

describe('free text on what a desk sees', () => {
  it('matches every word as the start of a word, accents and case aside', () => {
    expect(matchesVisibleText('iena sac', ['Sac abandonné pont d’Iéna'])).toBe(true);
    expect(matchesVisibleText('PONT', ['Sac abandonné pont d’Iéna'])).toBe(true);
    expect(matchesVisibleText('bandon', ['Sac abandonné'])).toBe(false);
    expect(matchesVisibleText('sac drone', ['Sac abandonné', 'note: personne'])).toBe(false);
  });
});

describe('country codes typed in the marking picker', () => {
  it('reads codes in any case and separator, once each; refuses anything else', async () => {
    const { parseCountries } = await load();
    expect(parseCountries('es, de;GB  es')).toEqual(['ES', 'DE', 'GB']);
    expect(parseCountries('')).toEqual([]);
    expect(parseCountries('Spain')).toBeNull();
    expect(parseCountries('E1')).toBeNull();
  });

  it('lists the host first, then the others sorted; compares regardless of order', async () => {
    const { markingCountries, sameMarking } = await load();
    expect(markingCountries(['ES', 'DE', 'FR'], 'FR')).toEqual(['FR', 'DE', 'ES']);
    expect(markingCountries([], 'FR')).toEqual(['FR']);
    expect(markingCountries(null, 'FR')).toEqual([]);
    expect(sameMarking(['ES', 'DE'], ['DE', 'ES'])).toBe(true);
    expect(sameMarking([], null)).toBe(false);
  });
});
