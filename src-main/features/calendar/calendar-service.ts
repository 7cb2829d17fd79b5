import type { Appointment, YearCalendar } from '../../contract/calendar.ts';
import type { ProcessingTime } from '../../domain/calendar/processing-time.ts';
import type { HolidaySource } from '../../domain/calendar/holiday-rules.ts';
import { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { computeAppointment } from '../../domain/calendar/appointment.ts';
import type { SettingsService } from '../../kernel/settings-service.ts';
import { statutoryHolidays } from '../../domain/calendar/statutory-holidays.ts';

/** The working calendar of this counter, rebuilt whenever its settings section changes. */
export class CalendarService {
  private cached: { key: string; calendar: WorkingCalendar } | undefined;

  constructor(
    private readonly settings: Pick<SettingsService, 'get'>,
    private readonly source: HolidaySource = statutoryHolidays,
  ) {}

  calendar(): WorkingCalendar {
    const cfg = this.settings.get().calendar;
    const key = JSON.stringify(cfg);
    if (this.cached?.key !== key) this.cached = { key, calendar: new WorkingCalendar(cfg, this.source) };
    return this.cached.calendar;
  }

  appointment(receivedAt: string, processingTime: ProcessingTime): Appointment {
    return computeAppointment(this.calendar(), receivedAt, processingTime);
  }

  holidays(year: number): YearCalendar {
    return this.calendar().year(year);
  }
}
