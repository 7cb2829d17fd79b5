import type { HandlersOf } from '../../rpc/handlers.ts';
import type { CalendarService } from './calendar-service.ts';

export function calendarHandlers(calendar: CalendarService): HandlersOf<'calendar.appointment' | 'calendar.holidays'> {
  return {
    'calendar.appointment': (input) => calendar.appointment(input.receivedAt, input.processingTime),
    'calendar.holidays': (input) => calendar.holidays(input.year),
  };
}
