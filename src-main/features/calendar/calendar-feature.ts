import type { Feature } from '../../kernel/feature.ts';
import { calendarHandlers } from './calendar-handlers.ts';
import { CalendarService } from './calendar-service.ts';

/** Working days, holidays and appointment dates. */
export const calendarFeature: Feature = {
  name: 'calendar',
  prefixes: ['calendar'],
  create: (k) => ({ handlers: calendarHandlers(new CalendarService(k.settings)) }),
};
