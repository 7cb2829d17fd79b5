const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Vietnam keeps UTC+7 all year (no daylight saving since 1975), so its wall clock is UTC shifted by
 * seven hours: exact, and independent of the PC's time zone (often wrong on fresh Windows images).
 */
export const VN_OFFSET_MS = 7 * 3600_000;

export interface VnWallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The instant as read on a clock in Asia/Ho_Chi_Minh. */
export function vnWallClock(d: Date): VnWallClock {
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate(), hour: v.getUTCHours(), minute: v.getUTCMinutes(), second: v.getUTCSeconds() };
}

/** dd/MM/yyyy, as every Vietnamese form writes a date, in Vietnam time. */
export function formatDate(d: Date): string {
  const c = vnWallClock(d);
  return `${pad(c.day)}/${pad(c.month)}/${c.year}`;
}

/** dd/MM/yyyy HH:mm (or HH:mm:ss), 24-hour clock, in Vietnam time. */
export function formatDateTime(d: Date, opts: { seconds?: boolean } = {}): string {
  const c = vnWallClock(d);
  return `${formatDate(d)} ${pad(c.hour)}:${pad(c.minute)}${opts.seconds ? `:${pad(c.second)}` : ''}`;
}

/** yyyyMMdd-HHmm in Vietnam time, for file names that sort. */
export function fileStamp(d: Date): string {
  const c = vnWallClock(d);
  return `${c.year}${pad(c.month)}${pad(c.day)}-${pad(c.hour)}${pad(c.minute)}`;
}

/** The calendar day (YYYY-MM-DD) in Vietnam: when a day's queue numbering starts again at 1. */
export function vnDay(d: Date): string {
  const c = vnWallClock(d);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
}
