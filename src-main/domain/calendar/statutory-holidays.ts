import type { BaseHoliday, HolidaySource } from './holiday-rules.ts';
import { dayNumber, isoDay } from './civil-day.ts';
import { lunarToSolar } from './lunar.ts';

const fixed = (year: number, month: number, day: number, vi: string, en: string): BaseHoliday => ({
  date: isoDay(dayNumber(year, month, day)),
  name: { vi, en },
});

/**
 * The holidays the Labour Code 2019 Art. 112.1 fixes, for a year without an announced plan: 1/1,
 * 5 days of Tết, 10/3 lunar, 30/4, 1/5, 2/9 (the second National Day and the compensatory days are
 * added by holidaysOfYear). The law leaves the placement of the 5 Tết days to the Prime Minister; until
 * a plan is announced, lunar New Year's Eve and mùng 1–4 are used, and every such day is provisional.
 */
export const statutoryHolidays: HolidaySource = (year) => {
  const tet = lunarToSolar(year, 1, 1);
  const tetDays = [0, 1, 2, 3, 4].map((k) => ({
    date: isoDay(tet - 1 + k),
    name: k === 0 ? { vi: 'Tết Nguyên Đán (giao thừa)', en: "Tết (Lunar New Year's Eve)" } : { vi: `Tết Nguyên Đán (mùng ${k})`, en: `Tết (lunar New Year day ${k})` },
  }));
  const list = [
    fixed(year, 1, 1, 'Tết Dương lịch', "New Year's Day"),
    ...tetDays,
    { date: isoDay(lunarToSolar(year, 3, 10)), name: { vi: 'Giỗ tổ Hùng Vương', en: 'Hung Kings Commemorations' } },
    fixed(year, 4, 30, 'Ngày Giải phóng miền Nam', 'Reunification Day'),
    fixed(year, 5, 1, 'Quốc tế Lao động', 'Labour Day'),
    fixed(year, 9, 2, 'Quốc khánh', 'National Day'),
  ];
  return list.sort((a, b) => a.date.localeCompare(b.date));
};
