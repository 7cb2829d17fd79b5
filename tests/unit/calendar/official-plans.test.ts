import { describe, expect, it } from 'vitest';
import { appointment, calendarWith, days } from './calendar-fixture.ts';
import { AnnouncedPlan } from '../../../src-main/contract/calendar.ts';
import { SHIPPED_PLANS } from '../../../src-main/domain/calendar/official-plans.ts';
import { parseIsoDay, weekday } from '../../../src-main/domain/calendar/civil-day.ts';

// Expected values from the announcements themselves (VPCP 8726/VPCP-KGVX 26/11/2024; VPCP
// 12729/VPCP-KGVX 25/12/2025; Bộ Nội vụ 9441/TB-BNV 16/10/2025), worked out by hand with the default
// hours (07:00–11:30, 13:30–17:00, 8 h a day, late cutoff 15:00).
const skipped = (r: ReturnType<typeof appointment>) => r.skipped.map((d) => `${d.date} ${d.kind}`);

describe('the shipped plans are valid data', () => {
  it('parse with the contract schema, every date in its year, Saturdays only as make-up days', () => {
    for (const plan of SHIPPED_PLANS) {
      expect(AnnouncedPlan.safeParse(plan).success).toBe(true);
      for (const w of plan.workingDays) expect(weekday(parseIsoDay(w.date) as number)).toBe(6);
      for (const d of plan.daysOff) expect([1, 2, 3, 4, 5]).toContain(weekday(parseIsoDay(d.date) as number));
    }
  });

  it('the schema refuses a plan day naming an act it does not list, or outside its year', () => {
    const base = SHIPPED_PLANS[0] as AnnouncedPlan;
    const unknownSource = { ...base, daysOff: [{ ...base.daysOff[0], source: '1/TB-XX' }] };
    const wrongYear = { ...base, daysOff: [{ ...base.daysOff[0], date: '2024-12-31' }] };
    expect(AnnouncedPlan.safeParse(unknownSource).success).toBe(false);
    expect(AnnouncedPlan.safeParse(wrongYear).success).toBe(false);
  });
});

describe('a fresh install gives the announced results around every 2025–2026 swap and Tết', () => {
  it('New Year 2026: Thu 1/1 and Fri 2/1 off (swap with Sat 10/01)', () => {
    // Wed 31/12 10:00: 5 h; 1/1, 2/1, weekend off; Mon 5 8 h (13); Tue 6: 3 h → 10:00
    const r = appointment('2025-12-31T10:00', days(2));
    expect(r.appointmentAt).toBe('2026-01-06T10:00:00+07:00');
    expect(skipped(r)).toEqual(['2026-01-01 holiday', '2026-01-02 day-off', '2026-01-03 weekend', '2026-01-04 weekend']);
    expect(r.explanation.vi).toContain('Văn bản 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ');
    expect(r.explanation.vi).toContain('02/01/2026 (Nghỉ hoán đổi (làm bù thứ Bảy 10/01))');
  });

  it('Saturday 10/01/2026 is worked', () => {
    // Fri 09/01 10:00: 5 h; Sat 10: 3 h → 10:00
    const r = appointment('2026-01-09T10:00', days(1));
    expect(r.appointmentAt).toBe('2026-01-10T10:00:00+07:00');
    expect(r.explanation.vi).toContain('Có tính ngày làm bù 10/01 (Làm bù cho thứ Sáu 02/01; Văn bản 12729/VPCP-KGVX');
  });

  it('Tết 2026: off Sat 14/02 – Sun 22/02 by Thông báo 9441/TB-BNV', () => {
    // Fri 13/02 10:00: 5 h; 14–22/02 off; Mon 23: 3 h → 10:00
    const r = appointment('2026-02-13T10:00', days(1));
    expect(r.appointmentAt).toBe('2026-02-23T10:00:00+07:00');
    expect(skipped(r).filter((d) => d.endsWith('holiday'))).toEqual(['2026-02-16 holiday', '2026-02-17 holiday', '2026-02-18 holiday', '2026-02-19 holiday', '2026-02-20 holiday']);
    expect(r.explanation.vi).toContain('Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ');
  });

  it('Hùng Kings 2026 on Sunday 26/04: nghỉ bù Monday 27/04', () => {
    // Fri 24/04 10:00: 5 h; weekend, Mon 27 off; Tue 28: 3 h → 10:00
    const r = appointment('2026-04-24T10:00', days(1));
    expect(r.appointmentAt).toBe('2026-04-28T10:00:00+07:00');
    expect(r.skipped.find((d) => d.date === '2026-04-27')).toMatchObject({ kind: 'compensatory', source: 'official', provisional: false });
  });

  it('National Day 2026: Sat 29/08 – Wed 02/09 off (Mon 31/08 swapped with Sat 22/08)', () => {
    // Fri 28/08 10:00: 5 h; 29/08–02/09 off; Thu 03/09: 3 h → 10:00
    const r = appointment('2026-08-28T10:00', days(1));
    expect(r.appointmentAt).toBe('2026-09-03T10:00:00+07:00');
    expect(skipped(r)).toEqual(['2026-08-29 weekend', '2026-08-30 weekend', '2026-08-31 day-off', '2026-09-01 holiday', '2026-09-02 holiday']);
    // Fri 21/08 10:00: 5 h; Sat 22 worked: 3 h → 10:00
    expect(appointment('2026-08-21T10:00', days(1)).appointmentAt).toBe('2026-08-22T10:00:00+07:00');
  });

  it('National Day 2025: Mon 01/09 + Tue 02/09, the adjacent day by the 2025 plan', () => {
    const r = appointment('2025-08-29T10:00', days(2));
    expect(r.appointmentAt).toBe('2025-09-04T10:00:00+07:00');
    expect(r.skipped.find((d) => d.date === '2025-09-01')?.basis.vi).toContain('8726/VPCP-KGVX');
  });

  it('every skipped day of an announced year names its act, and none is provisional', () => {
    for (const at of ['2025-01-24T10:00', '2025-04-29T14:30', '2025-12-31T10:00', '2026-02-13T10:00', '2026-08-28T10:00']) {
      const r = appointment(at, days(2));
      for (const d of r.skipped) {
        expect(d.provisional).toBe(false);
        expect(r.explanation.vi).toContain(d.basis.vi);
      }
    }
  });
});

describe('a year without an announcement', () => {
  it('Tết 2027 comes from the lunar calendar and every such day says "chưa có thông báo chính thức"', () => {
    const r = appointment('2027-02-04T09:00', days(2));
    const holidays = r.skipped.filter((d) => d.kind !== 'weekend');
    expect(holidays.length).toBeGreaterThan(0);
    expect(holidays.every((d) => d.provisional && d.basis.vi.includes('chưa có thông báo chính thức'))).toBe(true);
    expect(r.explanation.vi).toContain('năm 2027 chưa có thông báo chính thức');
    expect(calendarWith().year(2027)).toMatchObject({ announced: false, sources: [] });
    expect(calendarWith().year(2026).announced).toBe(true);
  });

  it('a plan pushed by the district replaces the rules for its year (and a shipped year)', () => {
    const plan2027: AnnouncedPlan = {
      year: 2027,
      sources: [{ ref: '1234/TB-BNV', issuedOn: '2026-10-15', kind: { vi: 'Thông báo', en: 'Notice' }, issuer: { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' } }],
      daysOff: [{ date: '2027-02-03', kind: 'holiday', name: { vi: 'Tết Nguyên đán', en: 'Tết' }, source: '1234/TB-BNV' }],
      workingDays: [{ date: '2027-02-20', note: { vi: 'Làm bù', en: 'Make-up day' }, source: '1234/TB-BNV' }],
    };
    const cal = calendarWith({ announcedPlans: [plan2027] });
    expect(cal.year(2027)).toMatchObject({ announced: true, sources: [{ vi: 'Thông báo 1234/TB-BNV ngày 15/10/2026 của Bộ Nội vụ' }] });
    expect(cal.year(2027).daysOff.map((d) => d.date)).toEqual(['2027-02-03']);
    expect(cal.year(2027).workingDays.map((d) => d.date)).toEqual(['2027-02-20']);
    const replaced = calendarWith({ announcedPlans: [{ ...plan2027, year: 2026, daysOff: [{ ...plan2027.daysOff[0]!, date: '2026-03-03' }], workingDays: [] }] });
    expect(replaced.year(2026).daysOff.map((d) => d.date)).toEqual(['2026-03-03']);
  });
});
