// Times in the operation's zone: "HH:MM" for display, and "HH:MM" typed by an officer turned
// back into an instant on the same operation day.

const parts = (ms: number, timeZone: string) => {
  const out: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
};

export function hhmm(at: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(typeof at === 'string' ? new Date(at) : at);
}

/** The instant (ms) at wall-clock `hh:mm` in `timeZone`, on the day `dayOf` falls on there. */
export function instantAt(text: string, dayOf: number, timeZone: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return null;
  const p = parts(dayOf, timeZone);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, h, min);
  // The zone's offset at that moment (a second pass settles a DST change between the two).
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const q = parts(guess, timeZone);
    const asUtc = Date.UTC(
      q.year ?? 0,
      (q.month ?? 1) - 1,
      q.day ?? 1,
      q.hour ?? 0,
      q.minute ?? 0,
      q.second ?? 0,
    );
    guess = wall - (asUtc - guess);
  }
  return guess;
}
