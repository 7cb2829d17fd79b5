import { describe, expect, it } from 'vitest';
import type { YearCalendar } from '../../../src-main/contract/calendar.ts';
import { workingDaysLate, yearsSpanned } from '../../../src-main/domain/reports/late-days.ts';

const name = { vi: 'Nghỉ', en: 'Off' };
const y2026: YearCalendar = {
  year: 2026,
  weekendDays: [0, 6],
  announced: true,
  sources: [],
  daysOff: [{ date: '2026-04-27', kind: 'holiday', name, source: 'admin' } as YearCalendar['daysOff'][number]],
  workingDays: [{ date: '2026-04-25', note: 'làm bù', basis: name }],
};
const years = new Map([[2026, y2026]]);

describe('working days late', () => {
  it('counts only working days after the appointment day, with holidays and swapped Saturdays', () => {
    // Due Thu 23/04 16:00; ready Tue 28/04: Fri 24 (work), Sat 25 (làm bù, work), Sun 26, Mon 27 (holiday), Tue 28 → 3.
    expect(workingDaysLate('2026-04-23T16:00:00+07:00', '2026-04-28T08:00:00+07:00', years)).toBe(3);
  });

  it('is 0 when the result was ready later on the appointment day itself', () => {
    expect(workingDaysLate('2026-04-23T10:00:00+07:00', '2026-04-23T16:00:00+07:00', years)).toBe(0);
  });

  it('reads both instants as Vietnam days', () => {
    // 23:30 UTC on the 23rd is already Fri 24 in Vietnam: one working day after a due on the 23rd.
    expect(workingDaysLate('2026-04-23T09:00:00+07:00', '2026-04-23T23:30:00Z', years)).toBe(1);
  });

  it('lists every year a pair spans', () => {
    expect(yearsSpanned([{ dueAt: '2025-12-30T09:00:00+07:00', resolvedAt: '2027-01-02T09:00:00+07:00' }])).toEqual([2025, 2026, 2027]);
  });
});
