import { CalendarErrors } from './errors.ts';
import { dayNumber, isoDay, isRealDate, type DayNumber } from './civil-day.ts';

/**
 * A moment as Vietnam wall-clock minutes (UTC+7, no daylight saving since 1975): day number × 1440 +
 * minute of day. Working-time arithmetic happens in this unit only.
 */
export type WallMinute = number;

export const MINUTES_PER_DAY = 1440;
const VN_OFFSET_MINUTES = 7 * 60;
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

export const dayOf = (t: WallMinute): DayNumber => Math.floor(t / MINUTES_PER_DAY);
export const minuteOfDay = (t: WallMinute): number => t - dayOf(t) * MINUTES_PER_DAY;

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:mm" → minutes after midnight. */
export function parseClock(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw CalendarErrors.raise('CALENDAR_INVALID_HOURS', { value: text });
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) throw CalendarErrors.raise('CALENDAR_INVALID_HOURS', { value: text });
  return h * 60 + min;
}

export function clockText(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads an ISO receipt time. Without an offset it is Vietnam local time (what an officer types);
 * with `Z` or an offset it is converted to Vietnam time. Seconds are dropped: slips show minutes.
 */
export function parseReceivedAt(text: string): WallMinute {
  const m = ISO_TIME.exec(text.trim());
  if (!m) throw CalendarErrors.raise('CALENDAR_INVALID_DATE', { value: text });
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  if (!isRealDate(y as number, mo as number, d as number) || (h as number) > 23 || (mi as number) > 59 || sec > 59) {
    throw CalendarErrors.raise('CALENDAR_INVALID_DATE', { value: text });
  }
  let t = dayNumber(y as number, mo as number, d as number) * MINUTES_PER_DAY + (h as number) * 60 + (mi as number);
  const offset = m[7];
  if (offset !== undefined) t += VN_OFFSET_MINUTES - offsetMinutes(offset);
  const year = (y as number) + (t < dayNumber(y as number, 1, 1) * MINUTES_PER_DAY ? -1 : 0);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw CalendarErrors.raise('CALENDAR_DATE_OUT_OF_RANGE', { value: text });
  return t;
}

function offsetMinutes(text: string): number {
  if (text === 'Z') return 0;
  const digits = text.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const h = Number(digits.slice(1, 3));
  const m = Number(digits.slice(3, 5));
  if (h > 14 || m > 59) throw CalendarErrors.raise('CALENDAR_INVALID_DATE', { offset: text });
  return sign * (h * 60 + m);
}

/** ISO 8601 with the Vietnam offset, e.g. 2025-05-06T08:00:00+07:00. */
export function isoWall(t: WallMinute): string {
  return `${isoDay(dayOf(t))}T${clockText(minuteOfDay(t))}:00+07:00`;
}
