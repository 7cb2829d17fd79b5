import type { AnnouncedPlan, PlanSource } from '../../contract/calendar.ts';

/**
 * The officially announced days off of 2025 and 2026 for state agencies (cán bộ, công chức, viên
 * chức; Saturday and Sunday off), shipped with the app so that a new counter counts them right.
 * Labour Code 2019 Art. 112.3: the Prime Minister decides the concrete Tết and National Day days each
 * year; the Government Office conveys the decision and the ministry in charge of labour announces it.
 * Each plan lists every day off of its year besides Saturdays and Sundays; the next year's plan is
 * pushed by the district IT in the signed rollout file (CalendarSettings.announcedPlans).
 */

const LABOUR_CODE: PlanSource = {
  ref: '45/2019/QH14',
  issuedOn: '2019-11-20',
  kind: { vi: 'Bộ luật Lao động', en: 'Labour Code' },
  issuer: { vi: 'Quốc hội (Điều 111, 112)', en: 'National Assembly (Art. 111, 112)' },
};

const VPCP_2025: PlanSource = {
  ref: '8726/VPCP-KGVX',
  issuedOn: '2024-11-26',
  kind: { vi: 'Văn bản', en: 'Letter' },
  issuer: { vi: 'Văn phòng Chính phủ (ý kiến Thủ tướng về nghỉ Tết Âm lịch và các dịp lễ năm 2025)', en: 'Government Office (the Prime Minister on the 2025 Tết and holidays)' },
};

const VPCP_NEW_YEAR_2026: PlanSource = {
  ref: '12729/VPCP-KGVX',
  issuedOn: '2025-12-25',
  kind: { vi: 'Văn bản', en: 'Letter' },
  issuer: { vi: 'Văn phòng Chính phủ (nghỉ Tết Dương lịch 2026)', en: 'Government Office (New Year 2026)' },
};

const BNV_2026: PlanSource = {
  ref: '9441/TB-BNV',
  issuedOn: '2025-10-16',
  kind: { vi: 'Thông báo', en: 'Notice' },
  issuer: { vi: 'Bộ Nội vụ (nghỉ Tết Âm lịch và Quốc khánh 2026)', en: 'Ministry of Home Affairs (Tết and National Day 2026)' },
};

const law = LABOUR_CODE.ref;

export const SHIPPED_PLANS: readonly AnnouncedPlan[] = [
  {
    year: 2025,
    sources: [LABOUR_CODE, VPCP_2025],
    daysOff: [
      { date: '2025-01-01', kind: 'holiday', name: { vi: 'Tết Dương lịch', en: "New Year's Day" }, source: law },
      // Tết Ất Tỵ (mùng 1 = Wed 29/01): 28 Chạp to mùng 3, Mon–Fri; work again Mon 03/02.
      { date: '2025-01-27', kind: 'holiday', name: { vi: 'Tết Nguyên đán (28 tháng Chạp)', en: 'Tết (28th of the 12th lunar month)' }, source: VPCP_2025.ref },
      { date: '2025-01-28', kind: 'holiday', name: { vi: 'Tết Nguyên đán (29 tháng Chạp, giao thừa)', en: "Tết (Lunar New Year's Eve)" }, source: VPCP_2025.ref },
      { date: '2025-01-29', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 1)', en: 'Tết (lunar New Year day 1)' }, source: VPCP_2025.ref },
      { date: '2025-01-30', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 2)', en: 'Tết (lunar New Year day 2)' }, source: VPCP_2025.ref },
      { date: '2025-01-31', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 3)', en: 'Tết (lunar New Year day 3)' }, source: VPCP_2025.ref },
      { date: '2025-04-07', kind: 'holiday', name: { vi: 'Giỗ tổ Hùng Vương', en: 'Hung Kings Commemorations' }, source: law },
      { date: '2025-04-30', kind: 'holiday', name: { vi: 'Ngày Giải phóng miền Nam', en: 'Reunification Day' }, source: law },
      { date: '2025-05-01', kind: 'holiday', name: { vi: 'Quốc tế Lao động', en: 'Labour Day' }, source: law },
      { date: '2025-05-02', kind: 'swap', name: { vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04)', en: 'Swapped day off (worked on Saturday 26/04)' }, source: VPCP_2025.ref },
      { date: '2025-09-01', kind: 'holiday', name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' }, source: VPCP_2025.ref },
      { date: '2025-09-02', kind: 'holiday', name: { vi: 'Quốc khánh', en: 'National Day' }, source: law },
    ],
    workingDays: [{ date: '2025-04-26', note: { vi: 'Làm bù cho thứ Sáu 02/05', en: 'Worked in place of Friday 02/05' }, source: VPCP_2025.ref }],
  },
  {
    year: 2026,
    sources: [LABOUR_CODE, VPCP_NEW_YEAR_2026, BNV_2026],
    daysOff: [
      { date: '2026-01-01', kind: 'holiday', name: { vi: 'Tết Dương lịch', en: "New Year's Day" }, source: law },
      { date: '2026-01-02', kind: 'swap', name: { vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01)', en: 'Swapped day off (worked on Saturday 10/01)' }, source: VPCP_NEW_YEAR_2026.ref },
      // Tết Bính Ngọ (mùng 1 = Tue 17/02): 29 Chạp to mùng 4, Mon–Fri, 9 days with the weekends.
      { date: '2026-02-16', kind: 'holiday', name: { vi: 'Tết Nguyên đán (29 tháng Chạp, giao thừa)', en: "Tết (Lunar New Year's Eve)" }, source: BNV_2026.ref },
      { date: '2026-02-17', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 1)', en: 'Tết (lunar New Year day 1)' }, source: BNV_2026.ref },
      { date: '2026-02-18', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 2)', en: 'Tết (lunar New Year day 2)' }, source: BNV_2026.ref },
      { date: '2026-02-19', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 3)', en: 'Tết (lunar New Year day 3)' }, source: BNV_2026.ref },
      { date: '2026-02-20', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 4)', en: 'Tết (lunar New Year day 4)' }, source: BNV_2026.ref },
      // 10/3 lunar is Sunday 26/04: the next working day is off (Art. 111.3).
      { date: '2026-04-27', kind: 'compensatory', name: { vi: 'Nghỉ bù Giỗ tổ Hùng Vương (Chủ nhật 26/04)', en: 'In lieu of Hung Kings Commemorations (Sunday 26/04)' }, source: law },
      { date: '2026-04-30', kind: 'holiday', name: { vi: 'Ngày Giải phóng miền Nam', en: 'Reunification Day' }, source: law },
      { date: '2026-05-01', kind: 'holiday', name: { vi: 'Quốc tế Lao động', en: 'Labour Day' }, source: law },
      { date: '2026-08-31', kind: 'swap', name: { vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08)', en: 'Swapped day off (worked on Saturday 22/08)' }, source: BNV_2026.ref },
      { date: '2026-09-01', kind: 'holiday', name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' }, source: BNV_2026.ref },
      { date: '2026-09-02', kind: 'holiday', name: { vi: 'Quốc khánh', en: 'National Day' }, source: law },
    ],
    workingDays: [
      { date: '2026-01-10', note: { vi: 'Làm bù cho thứ Sáu 02/01', en: 'Worked in place of Friday 02/01' }, source: VPCP_NEW_YEAR_2026.ref },
      { date: '2026-08-22', note: { vi: 'Làm bù cho thứ Hai 31/08', en: 'Worked in place of Monday 31/08' }, source: BNV_2026.ref },
    ],
  },
];
