// Wall time in the operation's time zone ↔ UTC instants, for datetime-local inputs.

function parts(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The zone's offset from UTC at that instant, in ms. */
function offsetMs(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone);
  const asUtc = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

/** "2024-07-26T18:00" in the zone, for an instant. */
export function toWall(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The UTC instant (ISO) of a wall time in the zone, or null when it does not parse. */
export function fromWall(wall: string, timeZone: string): string | null {
  const guess = Date.parse(`${wall}:00Z`);
  if (Number.isNaN(guess)) return null;
  let ms = guess - offsetMs(guess, timeZone);
  ms = guess - offsetMs(ms, timeZone);
  return new Date(ms).toISOString();
}

const WALL_TEXT = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):([0-5]\d)$/;

/** "2024-07-26 18:00": a 24-hour wall time typed as text, the same in every language and locale. */
export const toWallText = (ms: number, timeZone: string): string => toWall(ms, timeZone).replace('T', ' ');

/** The UTC instant (ISO) of "YYYY-MM-DD HH:MM" in the zone, or null when it is not one. */
export function fromWallText(text: string, timeZone: string): string | null {
  const m = WALL_TEXT.exec(text.trim());
  if (!m) return null;
  const at = fromWall(`${m[1]}T${m[2]}:${m[3]}`, timeZone);
  // 2024-02-31 parses as a later day: refused rather than moved.
  return at && toWall(Date.parse(at), timeZone) === `${m[1]}T${m[2]}:${m[3]}` ? at : null;
}
