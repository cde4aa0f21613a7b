// Text filtering for the lists: case- and accent-insensitive ("iena" finds "Iéna"), every word of
// the query must appear somewhere in the row's searchable text.

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function matcher(query: string): (haystack: string) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (haystack) => {
    const h = fold(haystack);
    return words.every((w) => h.includes(w));
  };
}
