// Human incident references: INC-MMDD-NNNN, the day in the operation's time zone and a daily sequence.

// Building a DateTimeFormat costs far more than formatting with one (tens of µs, on every incident
// created): one per time zone, kept. An operation has one zone, so the map stays tiny.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/** "0726" for 26 July in the given zone. */
export function referenceDay(ms: number, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('month')}${get('day')}`;
}

export function formatReference(day: string, sequence: number): string {
  return `INC-${day}-${String(sequence).padStart(4, '0')}`;
}

export const REFERENCE_PATTERN = /^INC-\d{4}-\d{4,}$/;
