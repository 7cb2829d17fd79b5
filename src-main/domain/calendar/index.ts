export { computeAppointment, countingStart, addWorkingMinutes, workingMinutesOf } from './appointment.ts';
export { WorkingCalendar } from './working-calendar.ts';
export { CalendarErrors } from './errors.ts';
export { SHIPPED_PLANS } from './official-plans.ts';
export { statutoryHolidays } from './statutory-holidays.ts';
export type { BaseHoliday, HolidaySource } from './holiday-rules.ts';
export type { ProcessingTime } from './processing-time.ts';
