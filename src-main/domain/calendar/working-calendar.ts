import type { AnnouncedPlan, CalendarException, CalendarSettings, DayOff, YearCalendar } from '../../contract/calendar.ts';
import { civilDate, isoDay, parseIsoDay, weekday, type DayNumber } from './civil-day.ts';
import { CalendarErrors } from './errors.ts';
import { holidaysOfYear, type HolidaySource } from './holiday-rules.ts';
import { workingHours, type MinuteSession, type WorkingHours } from './working-hours.ts';
import { FIRST_YEAR, LAST_YEAR } from './wall-time.ts';
import { ADMIN_BASIS, WEEKLY_BASIS } from './basis.ts';
import { statutoryHolidays } from './statutory-holidays.ts';
import { SHIPPED_PLANS } from './official-plans.ts';
import { plansByYear, type PlanYear, type WorkedRestDay } from './plan-index.ts';

const WEEKEND = (n: DayNumber): DayOff => ({
  date: isoDay(n),
  kind: 'weekend',
  name: weekday(n) === 0 ? { vi: 'Chủ nhật', en: 'Sunday' } : weekday(n) === 6 ? { vi: 'thứ Bảy', en: 'Saturday' } : { vi: 'ngày nghỉ hằng tuần', en: 'weekly rest day' },
  source: 'weekly',
  basis: WEEKLY_BASIS,
  provisional: false,
});

const ADMIN_DAY_OFF = { vi: 'Ngày nghỉ theo thông báo', en: 'Day off by notice' };

/**
 * Which days are worked, and when. Precedence, highest first: the admin table (nghỉ bù / làm bù),
 * the year's announced plan (shipped or pushed) — or, for a year without one, the statutory holidays
 * with the Labour Code rules, marked provisional — then the weekly rest days.
 */
export class WorkingCalendar {
  readonly hours: WorkingHours;
  private readonly exceptions = new Map<DayNumber, CalendarException>();
  private readonly years = new Map<number, Map<string, DayOff>>();
  private readonly plans: Map<number, PlanYear>;

  constructor(
    private readonly cfg: CalendarSettings,
    private readonly source: HolidaySource = statutoryHolidays,
    shipped: readonly AnnouncedPlan[] = SHIPPED_PLANS,
  ) {
    this.hours = workingHours(cfg);
    this.plans = plansByYear(shipped, cfg.announcedPlans ?? []);
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
    if (ex?.kind === 'day-off') {
      return { date: ex.date, kind: 'day-off', name: ex.note ? { vi: ex.note, en: ex.note } : ADMIN_DAY_OFF, source: 'admin', basis: ADMIN_BASIS, provisional: false };
    }
    const date = isoDay(n);
    const plan = this.plans.get(civilDate(n).year);
    if (plan?.workingDays.has(date)) return undefined;
    const holiday = plan ? plan.daysOff.get(date) : this.holidays(civilDate(n).year).get(date);
    if (holiday) return holiday;
    return this.hours.weekend.has(weekday(n)) ? WEEKEND(n) : undefined;
  }

  /** A weekly rest day that is worked (làm bù), with the act or table entry that says so. */
  workedRestDay(n: DayNumber): WorkedRestDay | undefined {
    if (!this.hours.weekend.has(weekday(n)) || this.dayOff(n)) return undefined;
    const ex = this.exceptions.get(n);
    if (ex?.kind === 'working-day') return { date: ex.date, note: { vi: ex.note || 'Làm bù', en: ex.note || 'Swapped working day' }, basis: ADMIN_BASIS };
    return this.plans.get(civilDate(n).year)?.workingDays.get(isoDay(n));
  }

  /** Whether a year has an officially announced plan (otherwise its holidays are provisional). */
  announced(year: number): boolean {
    return this.plans.has(year);
  }

  sessions(n: DayNumber): MinuteSession[] {
    return this.hours.byWeekday[weekday(n)] as MinuteSession[];
  }

  /** Every day off of a year except ordinary weekends, plus the days worked by plan or exception. */
  year(year: number): YearCalendar {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw CalendarErrors.raise('CALENDAR_DATE_OUT_OF_RANGE', { year });
    const daysOff: DayOff[] = [];
    const workingDays: YearCalendar['workingDays'] = [];
    const first = parseIsoDay(`${year}-01-01`) as DayNumber;
    const last = parseIsoDay(`${year}-12-31`) as DayNumber;
    for (let n = first; n <= last; n++) {
      const off = this.dayOff(n);
      if (off && off.kind !== 'weekend') daysOff.push(off);
      const ex = this.exceptions.get(n);
      if (ex?.kind === 'working-day') workingDays.push({ date: ex.date, note: ex.note, basis: ADMIN_BASIS });
      else {
        const w = this.workedRestDay(n);
        if (w) workingDays.push({ date: w.date, note: w.note.vi, basis: w.basis });
      }
    }
    const plan = this.plans.get(year);
    return { year, daysOff, workingDays, weekendDays: [...this.cfg.weekendDays].sort(), announced: plan !== undefined, sources: plan?.sources ?? [] };
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
