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

/** What every reference of the day starts with; the store builds new ones from it (store/incidents.ts). */
export const referencePrefix = (day: string): string => `INC-${day}-`;
/** The daily number's least width, zero-padded. */
export const SEQUENCE_DIGITS = 4;

export function formatReference(day: string, sequence: number): string {
  return `${referencePrefix(day)}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

export const REFERENCE_PATTERN = /^INC-\d{4}-\d{4,}$/;
