import { describe, expect, it } from 'vitest';
import Holidays from 'date-holidays';
import { librarySource, statutoryCalendarWith as calendarWith } from './calendar-fixture.ts';
import { statutoryHolidays } from '../../../src-main/domain/calendar/statutory-holidays.ts';

// What date-holidays 3.37.0 really holds for VN, checked rather than assumed.
const lib = new Holidays('VN', { types: ['public'] });
const publicDates = (year: number) => lib.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10));

describe('date-holidays VN data', () => {
  it.each([
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i is on %s (Vietnamese lunar calendar)', (year, tet) => {
    expect(librarySource(year).find((h) => h.name.vi === 'Tết Nguyên Đán (mùng 1)')?.date).toBe(tet);
  });

  it('uses the Vietnamese (UTC+7) lunar calendar where it differs from the Chinese one (1985, 2007)', () => {
    expect(lib.getHolidays(1985).find((h) => h.rule === 'vietnamese 1-0-1')?.date.slice(0, 10)).toBe('1985-01-21');
    expect(lib.getHolidays(2007).find((h) => h.rule === 'vietnamese 1-0-1')?.date.slice(0, 10)).toBe('2007-02-17');
  });

  it('gives a 5-day Tết block from lunar New Year’s Eve', () => {
    expect(librarySource(2026).filter((h) => h.name.vi.startsWith('Tết Nguyên Đán')).map((h) => h.date)).toEqual([
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
    ]);
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Hùng Kings (10/3 lunar) %i is on %s', (year, date) => {
    expect(librarySource(year).find((h) => h.name.vi === 'Giỗ tổ Hùng Vương')?.date).toBe(date);
  });

  it('has neither the second National Day nor compensatory days — our rules add them', () => {
    expect(publicDates(2026)).not.toContain('2026-09-01');
    expect(publicDates(2026)).not.toContain('2026-04-27');
    const off = calendarWith().year(2026).daysOff.map((d) => `${d.date} ${d.kind} ${d.source}`);
    expect(off).toContain('2026-09-01 holiday rule');
    expect(off).toContain('2026-04-26 holiday statutory');
    expect(off).toContain('2026-04-27 compensatory rule');
  });
});

describe('Labour Code rules on top of the library', () => {
  const extraDay = (year: number, settings = {}) =>
    calendarWith(settings).year(year).daysOff.filter((d) => d.name.vi === 'Quốc khánh (ngày liền kề)').map((d) => d.date);

  it("'auto' picks the day the Government picked in 2021–2025", () => {
    expect([2021, 2022, 2023, 2024, 2025].map((y) => extraDay(y)[0])).toEqual(['2021-09-03', '2022-09-01', '2023-09-01', '2024-09-03', '2025-09-01']);
  });

  it('before / after / none are honoured, and there is no second day before 2021', () => {
    expect(extraDay(2026, { nationalDayExtraDay: 'after' })).toEqual(['2026-09-03']);
    expect(extraDay(2026, { nationalDayExtraDay: 'before' })).toEqual(['2026-09-01']);
    expect(extraDay(2026, { nationalDayExtraDay: 'none' })).toEqual([]);
    expect(extraDay(2020)).toEqual([]);
  });

  it('compensatory days follow 1/1 on a Saturday (2022 → Mon 3/1) and can be turned off', () => {
    expect(calendarWith().year(2022).daysOff.slice(0, 2).map((d) => `${d.date} ${d.kind}`)).toEqual(['2022-01-01 holiday', '2022-01-03 compensatory']);
    expect(calendarWith({ compensatoryDays: false }).year(2022).daysOff.some((d) => d.kind === 'compensatory')).toBe(false);
  });

  it('the admin table wins: a working-day entry cancels a rule day, a day-off entry adds one', () => {
    const cal = calendarWith({
      exceptions: [
        { date: '2026-04-27', kind: 'working-day', note: 'Không nghỉ bù' },
        { date: '2026-09-04', kind: 'day-off', note: 'Nghỉ hoán đổi' },
      ],
    }).year(2026);
    expect(cal.daysOff.map((d) => d.date)).not.toContain('2026-04-27');
    expect(cal.daysOff.find((d) => d.date === '2026-09-04')).toMatchObject({ kind: 'day-off', source: 'admin', name: { vi: 'Nghỉ hoán đổi' } });
    expect(cal.workingDays).toEqual([{ date: '2026-04-27', note: 'Không nghỉ bù', basis: expect.objectContaining({ vi: expect.stringContaining('bảng ngày nghỉ bù') }) }]);
  });
});

describe('the statutory days the app computes itself, against date-holidays as an oracle', () => {
  it('give the same dates as the library for every year 1990–2100 (Hùng Kings 2050 and 2083 aside)', () => {
    const diffs: string[] = [];
    for (let year = 1990; year <= 2100; year++) {
      const ours = statutoryHolidays(year).map((h) => h.date);
      const lib = librarySource(year).map((h) => h.date);
      const a = ours.filter((d) => !lib.includes(d));
      const b = lib.filter((d) => !ours.includes(d));
      if (a.length || b.length) diffs.push(`${year}: ours ${a.join(',')} lib ${b.join(',')}`);
    }
    expect(diffs).toEqual(['2050: ours 2050-04-01 lib 2050-03-31', '2083: ours 2083-04-26 lib 2083-04-25']);
  });
});
