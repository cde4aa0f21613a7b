// Coordinates as a watch officer types them off a radio message or a partner's report: decimal
// degrees ("34.0141, -118.2879", "34.0141 -118.2879") or degrees-minutes-seconds with hemispheres
// ("34°00'51\"N 118°17'16\"W", "34 0 51 N, 118 17 16 W"). Decimal: latitude first, as spoken; DMS:
// the hemisphere letters say which is which. The result is
// either the point or why it was refused, as a code the form words in the UI's language.

export type CoordinateProblem = 'empty' | 'format' | 'minutes' | 'latRange' | 'lonRange' | 'axes';
export type ParsedPoint = { ok: true; lat: number; lon: number } | { ok: false; reason: CoordinateProblem };

const DECIMAL = /^\s*([+-]?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*([+-]?\d{1,3}(?:\.\d+)?)\s*$/;
// One DMS part: degrees, optional minutes and seconds, a hemisphere letter.
const DMS_PART = String.raw`(\d{1,3}(?:\.\d+)?)\s*°?\s*(?:(\d{1,2}(?:\.\d+)?)\s*['′]?\s*)?(?:(\d{1,2}(?:\.\d+)?)\s*(?:["″]|'')?\s*)?([NSEWO])`;
const DMS = new RegExp(`^\\s*${DMS_PART}\\s*[,;]?\\s*${DMS_PART}\\s*$`, 'i');

function dmsValue(deg: string, min: string | undefined, sec: string | undefined, hemi: string): number {
  const m = Number(min ?? 0);
  const s = Number(sec ?? 0);
  if (m >= 60 || s >= 60) return Number.NaN;
  const v = Number(deg) + m / 60 + s / 3600;
  return /[SWO]/i.test(hemi) ? -v : v; // O: ouest, as a French partner writes it
}

function checked(lat: number, lon: number): ParsedPoint {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return { ok: false, reason: 'minutes' };
  if (Math.abs(lat) > 90) return { ok: false, reason: 'latRange' };
  if (Math.abs(lon) > 180) return { ok: false, reason: 'lonRange' };
  return { ok: true, lat, lon };
}

export function parseCoordinates(text: string): ParsedPoint {
  if (!text.trim()) return { ok: false, reason: 'empty' };
  const d = DECIMAL.exec(text);
  if (d) return checked(Number(d[1]), Number(d[2]));
  const m = DMS.exec(text);
  if (m) {
    const [, d1, m1, s1, h1 = '', d2, m2, s2, h2 = ''] = m;
    const first = dmsValue(d1 ?? '', m1, s1, h1);
    const second = dmsValue(d2 ?? '', m2, s2, h2);
    const firstIsLat = /[NS]/i.test(h1);
    if (firstIsLat === /[NS]/i.test(h2)) return { ok: false, reason: 'axes' };
    return firstIsLat ? checked(first, second) : checked(second, first);
  }
  return { ok: false, reason: 'format' };
}

/** A point as degrees-minutes-seconds with hemispheres, whole seconds: 34°00'51"N 118°17'16"W. */
export function formatDms(lat: number, lon: number): string {
  const part = (v: number, pos: string, neg: string) => {
    const total = Math.round(Math.abs(v) * 3600);
    const d = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return `${d}°${String(m).padStart(2, '0')}'${String(s).padStart(2, '0')}"${v < 0 ? neg : pos}`;
  };
  return `${part(lat, 'N', 'S')} ${part(lon, 'E', 'W')}`;
}
