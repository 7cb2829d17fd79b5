import type { LocalizedText } from '../../contract/errors.ts';
import type { CalendarSettings, DayOff } from '../../contract/calendar.ts';
import { dayNumber, isoDay, parseIsoDay, weekday, type DayNumber } from './civil-day.ts';
import { compensatoryBasis, nationalDayExtraBasis, statutoryBasis } from './basis.ts';

/** A statutory public holiday (one entry per day off). */
export interface BaseHoliday {
  date: string;
  name: LocalizedText;
}

/** Statutory public holidays of one year (statutoryHolidays: from our lunar calendar). */
export type HolidaySource = (year: number) => BaseHoliday[];

/** Labour Code 2019 (in force 01/01/2021) made Quốc khánh two days: 2/9 and one adjacent day. */
export const TWO_DAY_NATIONAL_DAY_FROM = 2021;

const NATIONAL_DAY_EXTRA: LocalizedText = { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' };

/**
 * The holidays of a year without an announced plan, after the Labour Code rules: the statutory days,
 * the second National Day and compensatory days (Art. 111.3). Every one is provisional. Admin
 * exceptions are applied later, on top.
 */
export function holidaysOfYear(year: number, base: BaseHoliday[], cfg: CalendarSettings): DayOff[] {
  const byDay = new Map<DayNumber, DayOff>();
  for (const h of base) {
    const n = parseIsoDay(h.date);
    if (n !== undefined && !byDay.has(n)) byDay.set(n, { date: h.date, kind: 'holiday', name: h.name, source: 'statutory', basis: statutoryBasis(year), provisional: true });
  }
  const weekend = new Set(cfg.weekendDays);
  const extra = nationalDayExtraDay(year, cfg, weekend);
  if (extra !== undefined && !byDay.has(extra)) {
    byDay.set(extra, { date: isoDay(extra), kind: 'holiday', name: NATIONAL_DAY_EXTRA, source: 'rule', basis: nationalDayExtraBasis(year), provisional: true });
  }
  if (cfg.compensatoryDays) addCompensatoryDays(byDay, weekend, year);
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
}

/**
 * Which day joins 2/9. The Prime Minister decides it each year; 'auto' picks the adjacent working
 * day that touches a weekend (this matches the decisions for 2021–2025: 3/9, 1/9, 1/9, 3/9, 1/9) and
 * the day before when both or neither do. The admin table corrects a year that differs.
 */
function nationalDayExtraDay(year: number, cfg: CalendarSettings, weekend: Set<number>): DayNumber | undefined {
  if (year < TWO_DAY_NATIONAL_DAY_FROM || cfg.nationalDayExtraDay === 'none') return undefined;
  const day = dayNumber(year, 9, 2);
  if (cfg.nationalDayExtraDay === 'before') return day - 1;
  if (cfg.nationalDayExtraDay === 'after') return day + 1;
  const isRest = (n: DayNumber) => weekend.has(weekday(n));
  const score = (n: DayNumber, away: number) => (isRest(n) ? -10 : 0) + (isRest(n + away) ? 1 : 0);
  return score(day + 1, 1) > score(day - 1, -1) ? day + 1 : day - 1;
}

/** Art. 111.3: a holiday falling on a weekly rest day gives a day off on the next working day. */
function addCompensatoryDays(byDay: Map<DayNumber, DayOff>, weekend: Set<number>, year: number): void {
  const holidays = [...byDay.keys()].sort((a, b) => a - b);
  for (const h of holidays) {
    if (!weekend.has(weekday(h))) continue;
    let n = h + 1;
    while (weekend.has(weekday(n)) || byDay.has(n)) n++;
    const of = byDay.get(h) as DayOff;
    byDay.set(n, {
      date: isoDay(n),
      kind: 'compensatory',
      name: { vi: `Nghỉ bù ${of.name.vi}`, en: `In lieu of ${of.name.en}` },
      source: 'rule',
      basis: compensatoryBasis(year),
      provisional: true,
    });
  }
}
