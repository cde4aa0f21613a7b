// The board's free-text rule in code, for the few rows where the full-text index cannot be trusted
// to answer for one reader (it indexes notes that reader may not see): every word typed is the
// start of a word of the text, accents and case aside. Used only to drop rows, never to add them.

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const wordsOf = (s: string): string[] =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export function matchesVisibleText(query: string, texts: readonly string[]): boolean {
  const words = wordsOf(texts.join(' '));
  return wordsOf(query).every((q) => words.some((w) => w.startsWith(q)));
}
