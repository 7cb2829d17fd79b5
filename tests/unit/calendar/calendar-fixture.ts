import { CalendarSettings } from '../../../src-main/contract/calendar.ts';
import { WorkingCalendar } from '../../../src-main/domain/calendar/working-calendar.ts';
import { computeAppointment } from '../../../src-main/domain/calendar/appointment.ts';
import { dateHolidaysSource } from '../../../src-main/features/calendar/calendar-holiday-source.ts';
import type { ProcessingTime } from '../../../src-main/domain/calendar/processing-time.ts';

/** The real holiday library, shared: building it is the slow part. */
export const librarySource = dateHolidaysSource();

export function calendarWith(settings: Partial<CalendarSettings> = {}): WorkingCalendar {
  return new WorkingCalendar(CalendarSettings.parse(settings), librarySource);
}

export const days = (value: number): ProcessingTime => ({ value, unit: 'working-days' });
export const hours = (value: number): ProcessingTime => ({ value, unit: 'working-hours' });

export function appointment(receivedAt: string, pt: ProcessingTime, settings: Partial<CalendarSettings> = {}) {
  return computeAppointment(calendarWith(settings), receivedAt, pt);
}
