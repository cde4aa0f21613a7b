// 24-hour clock formatting in the operation's time zone (Intl only: runs in Node and the browser).

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withSeconds}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: withSeconds ? '2-digit' : undefined,
      hourCycle: 'h23',
    });
    cache.set(key, f);
  }
  return f;
}

/** "19:30:05" in the given zone. */
export function formatClock(ms: number, timeZone: string, withSeconds = true): string {
  return formatter(timeZone, withSeconds).format(ms);
}

/** "26/07" day-month in the given zone. */
export function formatDayMonth(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit' }).format(ms);
}

/** Age in words an officer reads at a glance: "0 min", "25 min", "1 h 22" (the same in French). */
export function formatAgeMinutes(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}
