import { describe, expect, it } from 'vitest';
import { lunarToSolar } from '../../../src-main/domain/calendar/lunar.ts';
import { isoDay } from '../../../src-main/domain/calendar/civil-day.ts';
import Holidays from 'date-holidays';
import { statutoryHolidays } from '../../../src-main/domain/calendar/statutory-holidays.ts';

const lib = new Holidays('VN', { types: ['public'] });
const libDate = (year: number, rule: string) => lib.getHolidays(year).find((h) => h.rule === rule)?.date.slice(0, 10);

describe('our lunar calendar (UTC+7) against known dates and the holiday library', () => {
  it.each([
    [1985, '1985-01-21'], // Vietnam and China differ this year (China: 1985-02-20)
    [2007, '2007-02-17'], // and this one (China: 2007-02-18)
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i is %s', (year, date) => {
    expect(isoDay(lunarToSolar(year, 1, 1))).toBe(date);
  });

  it('Hùng Kings 10/3 lunar: 2026-04-26, 2025-04-07 (2023 has a leap 2nd month: 2023-04-29)', () => {
    expect(isoDay(lunarToSolar(2026, 3, 10))).toBe('2026-04-26');
    expect(isoDay(lunarToSolar(2025, 3, 10))).toBe('2025-04-07');
    expect(isoDay(lunarToSolar(2023, 3, 10))).toBe('2023-04-29');
  });

  it('agrees with date-holidays for every year 1990–2100, except its Hùng Kings day in leap-3rd-month years', () => {
    const mismatches: string[] = [];
    for (let year = 1990; year <= 2100; year++) {
      const tet = isoDay(lunarToSolar(year, 1, 1));
      const hung = isoDay(lunarToSolar(year, 3, 10));
      if (libDate(year, 'vietnamese 1-0-1') !== tet) mismatches.push(`${year} Tết`);
      if (libDate(year, 'vietnamese 3-0-10') !== hung) mismatches.push(`${year} Hùng Kings lib ${libDate(year, 'vietnamese 3-0-10')} ours ${hung}`);
    }
    // 2050 and 2083 have a leap 3rd month; date-chinese (the library's own engine) starts month 3 on
    // 2050-03-23 and 2083-04-17 as we do, so 10/3 is 01/04/2050 and 26/04/2083: the rule is a day early.
    expect(mismatches).toEqual(['2050 Hùng Kings lib 2050-03-31 ours 2050-04-01', '2083 Hùng Kings lib 2083-04-25 ours 2083-04-26']);
  });

  it('the statutory days the calculator uses carry the corrected day', () => {
    expect(statutoryHolidays(2050).find((h) => h.name.vi === 'Giỗ tổ Hùng Vương')?.date).toBe('2050-04-01');
    expect(statutoryHolidays(2026).find((h) => h.name.vi === 'Giỗ tổ Hùng Vương')?.date).toBe('2026-04-26');
  });
});
