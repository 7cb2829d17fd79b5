import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarWith } from './calendar-fixture.ts';
import { computeAppointment } from '../../../src-main/domain/calendar/appointment.ts';
import { parseReceivedAt, dayOf, minuteOfDay, isoWall } from '../../../src-main/domain/calendar/wall-time.ts';
import { dayNumber } from '../../../src-main/domain/calendar/civil-day.ts';
import type { WorkingCalendar } from '../../../src-main/domain/calendar/working-calendar.ts';
import type { ProcessingTime } from '../../../src-main/domain/calendar/processing-time.ts';

const calendars = {
  standard: calendarWith(),
  saturdayMornings: calendarWith({ weekendDays: [0], weekdaySessions: { '6': [{ start: '07:30', end: '11:30' }] } }),
  noCutoff: calendarWith({ lateCutoff: '', compensatoryDays: false }),
  withSwaps: calendarWith({
    exceptions: [
      { date: '2025-04-26', kind: 'working-day', note: '' },
      { date: '2025-05-02', kind: 'day-off', note: '' },
      { date: '2025-01-27', kind: 'day-off', note: '' },
    ],
  }),
};

const FROM = dayNumber(2024, 1, 1) * 1440;
const TO = dayNumber(2026, 12, 31) * 1440;
const receipt = fc.integer({ min: FROM, max: TO }).map((t) => isoWall(t).slice(0, 16));
const calendarName = fc.constantFrom(...(Object.keys(calendars) as Array<keyof typeof calendars>));
const duration: fc.Arbitrary<ProcessingTime> = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map((n) => ({ value: n / 2, unit: 'working-days' as const })),
  fc.integer({ min: 1, max: 400 }).map((n) => ({ value: n / 4, unit: 'working-hours' as const })),
);

const at = (iso: string) => parseReceivedAt(iso);
const isOpen = (cal: WorkingCalendar, t: number) =>
  !cal.dayOff(dayOf(t)) && cal.sessions(dayOf(t)).some((s) => minuteOfDay(t) >= s.start && minuteOfDay(t) < s.end);

/** Oracle: counts open minutes one by one (slow, obviously right). */
function openMinutesBetween(cal: WorkingCalendar, from: number, to: number): number {
  let n = 0;
  for (let t = from; t < to; t++) if (isOpen(cal, t)) n++;
  return n;
}

describe('appointment properties (fast-check)', () => {
  it('is always a time the counter is open, after the receipt, with exactly the working time requested', () => {
    fc.assert(
      fc.property(calendarName, receipt, duration, (name, received, pt) => {
        const cal = calendars[name];
        const r = computeAppointment(cal, received, pt);
        const due = at(r.appointmentAt);
        expect(isOpen(cal, due)).toBe(true);
        expect(due).toBeGreaterThan(at(r.receivedAt));
        expect(at(r.countingStartsAt)).toBeGreaterThanOrEqual(at(r.receivedAt));
        if (r.workingMinutes <= 3 * 480) expect(openMinutesBetween(cal, at(r.countingStartsAt), due)).toBe(r.workingMinutes);
      }),
      { numRuns: 300 },
    );
  });

  it('never gets earlier when the processing time grows', () => {
    fc.assert(
      fc.property(calendarName, receipt, duration, fc.integer({ min: 0, max: 40 }), (name, received, pt, extra) => {
        const cal = calendars[name];
        const longer = { ...pt, value: pt.value + extra / 2 };
        expect(at(computeAppointment(cal, received, longer).appointmentAt)).toBeGreaterThanOrEqual(at(computeAppointment(cal, received, pt).appointmentAt));
      }),
      { numRuns: 300 },
    );
  });

  it('never gets earlier when the receipt is later', () => {
    fc.assert(
      fc.property(calendarName, fc.integer({ min: FROM, max: TO }), fc.integer({ min: 0, max: 5000 }), duration, (name, t, later, pt) => {
        const cal = calendars[name];
        const a = computeAppointment(cal, isoWall(t), pt);
        const b = computeAppointment(cal, isoWall(t + later), pt);
        expect(at(b.appointmentAt)).toBeGreaterThanOrEqual(at(a.appointmentAt));
      }),
      { numRuns: 300 },
    );
  });

  it('lists exactly the days off between the receipt day and the appointment day', () => {
    fc.assert(
      fc.property(calendarName, receipt, duration, (name, received, pt) => {
        const cal = calendars[name];
        const r = computeAppointment(cal, received, pt);
        const expected: string[] = [];
        for (let n = dayOf(at(r.receivedAt)); n <= dayOf(at(r.appointmentAt)); n++) if (cal.dayOff(n)) expected.push(isoWall(n * 1440).slice(0, 10));
        expect(r.skipped.map((d) => d.date)).toEqual(expected);
        for (const d of r.skipped) expect(r.explanation.vi).toContain(`(${d.name.vi})`);
      }),
      { numRuns: 200 },
    );
  });
});
