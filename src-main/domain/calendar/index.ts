export { computeAppointment, countingStart, addWorkingMinutes, workingMinutesOf } from './appointment.ts';
export { WorkingCalendar } from './working-calendar.ts';
export { CalendarErrors } from './errors.ts';
export type { BaseHoliday, HolidaySource } from './holiday-rules.ts';
export type { ProcessingTime } from './processing-time.ts';
