/**
 * Calendar days as integers (days since 1970-01-01), so that arithmetic never touches the time zone
 * of the machine: every date here is a Vietnamese civil date.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilDate(n: DayNumber): CivilDate {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** yyyy-MM-dd */
export function isoDay(n: DayNumber): string {
  const c = civilDate(n);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/** Parses yyyy-MM-dd strictly (no rollover of 31/02); undefined when it is not a real date. */
export function parseIsoDay(text: string): DayNumber | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return undefined;
  return dayNumber(y, mo, d);
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const c = civilDate(dayNumber(year, month, day));
  return c.year === year && c.month === month && c.day === day;
}

/** dd/MM/yyyy, as every Vietnamese form writes a date. */
export function viDate(n: DayNumber): string {
  const c = civilDate(n);
  return `${pad(c.day)}/${pad(c.month)}/${c.year}`;
}

/** dd/MM, for days listed next to a full date of the same year. */
export function viDayMonth(n: DayNumber): string {
  const c = civilDate(n);
  return `${pad(c.day)}/${pad(c.month)}`;
}

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayName(n: DayNumber, lang: 'vi' | 'en'): string {
  return (lang === 'vi' ? WEEKDAY_VI : WEEKDAY_EN)[weekday(n)] as string;
}
