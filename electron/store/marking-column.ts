// A releasability marking as stored: NULL for all partners, else a JSON array of ISO codes, kept
// sorted and without repeats so that equal markings are equal text.
import type { Marking } from '../../shared/releasability.js';

export const markingColumn = (m: Marking | undefined): string | null =>
  m == null ? null : JSON.stringify([...new Set(m)].sort());

export const markingOf = (text: string | null): Marking =>
  text === null ? null : (JSON.parse(text) as string[]);
