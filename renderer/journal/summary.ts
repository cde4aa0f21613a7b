// A journal entry's data in one readable line: "title: Sac abandonné · priority: 2 → 1 · units:
// FR-PAT-01, ES-GC-K9-05". Any shape is accepted (the journal holds many kinds of entry, old and
// new); the full data stays available beside it as JSON.

const MAX_TEXT = 80;
const MAX_LINE = 300;
const MAX_ITEMS = 6;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function scalar(v: unknown): string | null {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return clip(v.replace(/\s+/g, ' ').trim(), MAX_TEXT) || '—';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function value(v: unknown, depth: number): string {
  const s = scalar(v);
  if (s !== null) return s;
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    // Nested lists (a zone's rings, a route's points) say only how many they hold.
    if (depth >= 1 && !v.every((x) => scalar(x) !== null)) return `[${v.length}]`;
    const shown = v.slice(0, MAX_ITEMS).map((x) => value(x, depth + 1));
    return v.length > MAX_ITEMS ? `${shown.join(', ')} (+${v.length - MAX_ITEMS})` : shown.join(', ');
  }
  if (isRecord(v)) {
    // A change recorded as { from, to } reads as "from → to".
    if ('from' in v && 'to' in v && Object.keys(v).length === 2)
      return `${value(v.from, depth)} → ${value(v.to, depth)}`;
    if (depth >= 2) return `{${Object.keys(v).length}}`;
    return `{ ${pairs(v, depth + 1).join(', ')} }`;
  }
  return String(v);
}

// Empty fields say nothing worth a place on the line (the full data shows them).
const blank = (v: unknown) => v === null || v === undefined || v === '';

function pairs(o: Record<string, unknown>, depth: number, skip?: string): string[] {
  return Object.entries(o)
    .filter(([k, v]) => !blank(v) && k !== skip)
    .map(([k, v]) => `${k}: ${value(v, depth)}`);
}

/**
 * One line for the data of an entry; '' when there is nothing to say. An `id` that repeats the
 * entry's entity id is left out: the entity column shows it.
 */
export function summarize(data: unknown, entityId: string | null = null): string {
  if (data === null || data === undefined) return '';
  const skip = isRecord(data) && entityId !== null && data.id === entityId ? 'id' : undefined;
  const line = isRecord(data) ? pairs(data, 0, skip).join(' · ') : value(data, 0);
  return clip(line, MAX_LINE);
}
