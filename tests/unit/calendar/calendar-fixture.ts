import { CalendarSettings } from '../../../src-main/contract/calendar.ts';
import { WorkingCalendar } from '../../../src-main/domain/calendar/working-calendar.ts';
import { computeAppointment } from '../../../src-main/domain/calendar/appointment.ts';
import { dateHolidaysSource } from './date-holidays-oracle.ts';
import type { ProcessingTime } from '../../../src-main/domain/calendar/processing-time.ts';

/** date-holidays as a test oracle only, shared: building it is the slow part. */
export const librarySource = dateHolidaysSource();

/** The calendar a fresh install runs: statutory days from our lunar calendar, the shipped 2025–2026 plans. */
export function calendarWith(settings: Partial<CalendarSettings> = {}): WorkingCalendar {
  return new WorkingCalendar(CalendarSettings.parse(settings));
}

/** The same without the shipped plans, to check the statutory rules on announced years too. */
export function statutoryCalendarWith(settings: Partial<CalendarSettings> = {}): WorkingCalendar {
  return new WorkingCalendar(CalendarSettings.parse(settings), undefined, []);
}

export const days = (value: number): ProcessingTime => ({ value, unit: 'working-days' });
export const hours = (value: number): ProcessingTime => ({ value, unit: 'working-hours' });

export function appointment(receivedAt: string, pt: ProcessingTime, settings: Partial<CalendarSettings> = {}) {
  return computeAppointment(calendarWith(settings), receivedAt, pt);
}
