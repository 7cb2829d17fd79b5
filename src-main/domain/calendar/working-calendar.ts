import type { CalendarException, CalendarSettings, DayOff, YearCalendar } from '../../contract/calendar.ts';
import { civilDate, isoDay, parseIsoDay, weekday, type DayNumber } from './civil-day.ts';
import { CalendarErrors } from './errors.ts';
import { holidaysOfYear, type HolidaySource } from './holiday-rules.ts';
import { workingHours, type MinuteSession, type WorkingHours } from './working-hours.ts';
import { FIRST_YEAR, LAST_YEAR } from './wall-time.ts';

const WEEKEND = (n: DayNumber): DayOff => ({
  date: isoDay(n),
  kind: 'weekend',
  name: weekday(n) === 0 ? { vi: 'Chủ nhật', en: 'Sunday' } : weekday(n) === 6 ? { vi: 'thứ Bảy', en: 'Saturday' } : { vi: 'ngày nghỉ hằng tuần', en: 'weekly rest day' },
  source: 'weekly',
});

const ADMIN_DAY_OFF = { vi: 'Ngày nghỉ theo thông báo', en: 'Day off by notice' };

/**
 * Which days are worked, and when. Precedence, highest first: the admin table (nghỉ bù / làm bù),
 * holidays with the Labour Code rules, the weekly rest days.
 */
export class WorkingCalendar {
  readonly hours: WorkingHours;
  private readonly exceptions = new Map<DayNumber, CalendarException>();
  private readonly years = new Map<number, Map<string, DayOff>>();

  constructor(
    private readonly cfg: CalendarSettings,
    private readonly source: HolidaySource,
  ) {
    this.hours = workingHours(cfg);
    for (const e of cfg.exceptions) {
      const n = parseIsoDay(e.date);
      if (n === undefined) throw CalendarErrors.raise('CALENDAR_INVALID_DATE', { exception: e.date });
      if (this.exceptions.has(n)) throw CalendarErrors.raise('CALENDAR_DUPLICATE_EXCEPTION', { date: e.date });
      this.exceptions.set(n, e);
    }
  }

  /** Why a day is not worked, or undefined for a working day. */
  dayOff(n: DayNumber): DayOff | undefined {
    const ex = this.exceptions.get(n);
    if (ex?.kind === 'working-day') return undefined;
    if (ex?.kind === 'day-off') return { date: ex.date, kind: 'day-off', name: ex.note ? { vi: ex.note, en: ex.note } : ADMIN_DAY_OFF, source: 'admin' };
    const holiday = this.holidays(civilDate(n).year).get(isoDay(n));
    if (holiday) return holiday;
    return this.hours.weekend.has(weekday(n)) ? WEEKEND(n) : undefined;
  }

  sessions(n: DayNumber): MinuteSession[] {
    return this.hours.byWeekday[weekday(n)] as MinuteSession[];
  }

  /** Every day off of a year except ordinary weekends, plus the days worked by exception. */
  year(year: number): YearCalendar {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw CalendarErrors.raise('CALENDAR_DATE_OUT_OF_RANGE', { year });
    const daysOff: DayOff[] = [];
    const workingDays: YearCalendar['workingDays'] = [];
    for (const [n, ex] of [...this.exceptions.entries()].sort((a, b) => a[0] - b[0])) {
      if (civilDate(n).year === year && ex.kind === 'working-day') workingDays.push({ date: ex.date, note: ex.note });
    }
    const first = parseIsoDay(`${year}-01-01`) as DayNumber;
    const last = parseIsoDay(`${year}-12-31`) as DayNumber;
    for (let n = first; n <= last; n++) {
      const off = this.dayOff(n);
      if (off && off.kind !== 'weekend') daysOff.push(off);
    }
    return { year, daysOff, workingDays, weekendDays: [...this.cfg.weekendDays].sort() };
  }

  private holidays(year: number): Map<string, DayOff> {
    let map = this.years.get(year);
    if (!map) {
      map = new Map(holidaysOfYear(year, this.source(year), this.cfg).map((d) => [d.date, d]));
      this.years.set(year, map);
    }
    return map;
  }
}
