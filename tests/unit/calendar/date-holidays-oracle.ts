import Holidays from 'date-holidays';
import type { BaseHoliday, HolidaySource } from '../../../src-main/domain/calendar/holiday-rules.ts';
import { isoDay, parseIsoDay } from '../../../src-main/domain/calendar/civil-day.ts';

const TET_BLOCK_RULE = /vietnamese 1-0-1 P\d+D/;
const TET_DAY = /^Tết Nguyên Đán \(/;

interface LibHoliday {
  date: string;
  start: Date;
  end: Date;
  name: string;
  type: string;
  rule: string;
}

/**
 * Test oracle only (date-holidays is a devDependency; nothing at runtime imports it).
 * Public holidays of Vietnam from date-holidays (data: commenthol/date-holidays, ISC and CC-BY-3.0).
 * Its VN data has 1/1, the 5-day Tết block (lunar New Year's Eve + mùng 1–4, on the Vietnamese lunar
 * calendar), Hùng Kings 10/3 lunar, 30/4, 1/5 and 2/9 — and no second National Day, no
 * compensatory days, no swaps: the domain rules and the admin table add those.
 */
export function dateHolidaysSource(): HolidaySource {
  const lib = new Holidays('VN', { types: ['public'] });
  return (year) => {
    const vi = lib.getHolidays(year, 'vi') as LibHoliday[];
    const en = lib.getHolidays(year, 'en') as LibHoliday[];
    const out: BaseHoliday[] = [];
    vi.forEach((h, i) => {
      if (h.type !== 'public') return;
      const enName = en.find((e) => e.rule === h.rule)?.name ?? (en[i] as LibHoliday).name;
      // Raw library dates, so the comparison with our lunar calendar is independent. (date-holidays
      // 3.37.0 puts 10/3 lunar a day early in years with a leap 3rd month: 2050, 2083.)
      const first = parseIsoDay(h.date.slice(0, 10)) as number;
      const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
      for (let k = 0; k < span; k++) {
        const n = first + k;
        out.push({ date: isoDay(n), name: TET_BLOCK_RULE.test(h.rule) ? tetDayName(k) : { vi: h.name, en: enName } });
      }
    });
    // One entry per date; the Tết block's own names ("mùng 1") win over the library's single Tết day.
    const byDate = new Map<string, BaseHoliday>();
    for (const h of out) if (!byDate.has(h.date) || TET_DAY.test(h.name.vi)) byDate.set(h.date, h);
    return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  };
}

/** Day k of the block that starts on lunar New Year's Eve. */
function tetDayName(k: number): { vi: string; en: string } {
  if (k === 0) return { vi: 'Tết Nguyên Đán (giao thừa)', en: "Tết (Lunar New Year's Eve)" };
  return { vi: `Tết Nguyên Đán (mùng ${k})`, en: `Tết (lunar New Year day ${k})` };
}
