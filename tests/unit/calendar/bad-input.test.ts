import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { CalendarErrors } from '../../../src-main/domain/calendar/errors.ts';
import { parseReceivedAt } from '../../../src-main/domain/calendar/wall-time.ts';
import { WorkingCalendar } from '../../../src-main/domain/calendar/working-calendar.ts';
import { CalendarSettings } from '../../../src-main/contract/calendar.ts';
import { appointment, calendarWith, days, hours } from './calendar-fixture.ts';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof CounterError) {
      expect(err.messages.vi.length).toBeGreaterThan(10);
      return err.code;
    }
    throw err;
  }
  return 'NO_ERROR';
}

describe('bad input gets a coded, Vietnamese error', () => {
  it.each(['', 'hôm nay', '25/04/2025 14:30', '2025-02-30T10:00', '2025-13-01T10:00', '2025-04-25T24:00', '2025-04-25T10:60', '2025-04-25', '2025-04-25T10:00+25:00'])(
    'receipt time %j → CALENDAR_INVALID_DATE',
    (text) => expect(codeOf(() => appointment(text, days(1)))).toBe('CALENDAR_INVALID_DATE'),
  );

  it('dates outside 1990–2100 → CALENDAR_DATE_OUT_OF_RANGE', () => {
    expect(codeOf(() => appointment('1850-01-01T10:00', days(1)))).toBe('CALENDAR_DATE_OUT_OF_RANGE');
    expect(codeOf(() => calendarWith().year(2500))).toBe('CALENDAR_DATE_OUT_OF_RANGE');
  });

  it.each([0, -1, -0.5, NaN, Infinity, -Infinity])('duration %s → CALENDAR_INVALID_DURATION', (value) => {
    expect(codeOf(() => appointment('2025-03-03T10:00', days(value)))).toBe('CALENDAR_INVALID_DURATION');
    expect(codeOf(() => appointment('2025-03-03T10:00', hours(value)))).toBe('CALENDAR_INVALID_DURATION');
  });

  it('less than a minute, a wrong unit, or absurd lengths are refused', () => {
    expect(codeOf(() => appointment('2025-03-03T10:00', hours(0.001)))).toBe('CALENDAR_INVALID_DURATION');
    expect(codeOf(() => appointment('2025-03-03T10:00', { value: 1, unit: 'days' as never }))).toBe('CALENDAR_INVALID_DURATION');
    expect(codeOf(() => appointment('2025-03-03T10:00', days(5000)))).toBe('CALENDAR_DURATION_TOO_LONG');
  });

  it.each([
    ['inverted session', { sessions: [{ start: '11:30', end: '07:00' }] }, 'CALENDAR_INVALID_HOURS'],
    ['overlapping sessions', { sessions: [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '17:00' }] }, 'CALENDAR_INVALID_HOURS'],
    ['no session', { sessions: [] }, 'CALENDAR_INVALID_HOURS'],
    ['bad clock text', { sessions: [{ start: '7h', end: '11:30' }] }, 'CALENDAR_INVALID_HOURS'],
    ['bad cutoff', { lateCutoff: '25:00' }, 'CALENDAR_INVALID_HOURS'],
    ['every day a rest day', { weekendDays: [0, 1, 2, 3, 4, 5, 6] }, 'CALENDAR_NO_WORKING_DAYS'],
    ['duplicate exception', { exceptions: [{ date: '2025-05-02', kind: 'day-off', note: '' }, { date: '2025-05-02', kind: 'working-day', note: '' }] }, 'CALENDAR_DUPLICATE_EXCEPTION'],
    ['exception on 31/02', { exceptions: [{ date: '2025-02-31', kind: 'day-off', note: '' }] }, 'CALENDAR_INVALID_DATE'],
  ])('settings with %s → %s', (_label, patch, code) => {
    expect(codeOf(() => buildRaw(patch))).toBe(code);
  });

  it('the settings schema itself refuses inverted and overlapping hours', () => {
    expect(CalendarSettings.safeParse({ sessions: [{ start: '13:30', end: '11:30' }] }).success).toBe(false);
    expect(CalendarSettings.safeParse({ sessions: [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '17:00' }] }).success).toBe(false);
    expect(CalendarSettings.safeParse({ lateCutoff: '3pm' }).success).toBe(false);
  });

  it('any string the parser accepts is a real moment; everything else is CALENDAR_INVALID_DATE (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        try {
          expect(Number.isInteger(parseReceivedAt(s))).toBe(true);
        } catch (err) {
          expect(CalendarErrors.is(err, 'CALENDAR_INVALID_DATE') || CalendarErrors.is(err, 'CALENDAR_DATE_OUT_OF_RANGE')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/** Builds a calendar from settings that skipped schema validation (an old or hand-edited file). */
function buildRaw(patch: Record<string, unknown>): WorkingCalendar {
  return new WorkingCalendar({ ...CalendarSettings.parse({}), ...patch } as CalendarSettings);
}
