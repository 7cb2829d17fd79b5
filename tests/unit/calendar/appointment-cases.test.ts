import { describe, expect, it } from 'vitest';
import { appointment, days, hours, statutoryCalendarWith } from './calendar-fixture.ts';
import { computeAppointment } from '../../../src-main/domain/calendar/appointment.ts';

// Every expected value below was worked out by hand on a paper calendar (default hours 07:00–11:30,
// 13:30–17:00, 1 working day = 8 h, late cutoff 15:00); the comment shows the sum.
const skippedDates = (r: ReturnType<typeof appointment>) => r.skipped.map((d) => `${d.date} ${d.kind}`);

describe('worked examples from the notes', () => {
  it('notes §3.4: Tue 28/04/2026 10:00 + 3 days → Tue 05/05/2026 10:00', () => {
    // Tue 5 h, Wed 29 8 h (13), Thu 30/4 + Fri 1/5 holidays, weekend, Mon 4/5 8 h (21), Tue 3 h → 10:00
    const r = appointment('2026-04-28T10:00', days(3));
    expect(r.appointmentAt).toBe('2026-05-05T10:00:00+07:00');
    expect(skippedDates(r)).toEqual(['2026-04-30 holiday', '2026-05-01 holiday', '2026-05-02 weekend', '2026-05-03 weekend']);
  });

  it('TH receipt: Fri 27/10/2023 09:32 + 5 days → 03/11/2023 09:32', () => {
    expect(appointment('2023-10-27T09:32', days(5)).appointmentAt).toBe('2023-11-03T09:32:00+07:00');
  });

  it('Fri 25/04/2025 14:30 + 3 days: the statutory rules alone skip the weekend, 30/4 and 1/5', () => {
    // Without the 2025 plan: Fri 2.5 h, Mon 28 8 h (10.5), Tue 29 8 h (18.5), Wed 30 + Thu 1 off, Fri 2/5: 4.5 h to 11:30, 1 h after lunch → 14:30
    const r = computeAppointment(statutoryCalendarWith(), '2025-04-25T14:30', days(3));
    expect(r.appointmentAt).toBe('2025-05-02T14:30:00+07:00');
    expect(r.startRule).toBe('as-received');
    expect(r.explanation.vi).toBe(
      'Tiếp nhận 14:30 thứ Sáu 25/04/2025. Thời hạn giải quyết 3 ngày làm việc. ' +
        'Không tính 26/04 (thứ Bảy), 27/04 (Chủ nhật), 30/04 (Ngày Giải phóng miền Nam), 01/05 (Quốc tế Lao động). ' +
        'Căn cứ: ngày nghỉ hằng tuần (26/04, 27/04); Bộ luật Lao động 2019, Điều 112 (ngày lễ, Tết; âm lịch); năm 2025 chưa có thông báo chính thức (30/04, 01/05). ' +
        'Hẹn trả 14:30 thứ Sáu 02/05/2025.',
    );
    expect(r.explanation.en).toContain('Appointment 14:30 Friday 02/05/2025.');
  });
});

describe('around Tết', () => {
  it('Tết 2024 (mùng 1 on Saturday): two compensatory days after the block, late receipt, end-of-day roll', () => {
    // Block 09–13/02 (Fri–Tue); Sat 10 + Sun 11 are Tết days → nghỉ bù Wed 14 and Thu 15.
    // Received Thu 08/02 15:30 ≥ 15:00 → starts Fri 16/02 07:00; 8 h ends 17:00 → next opening Mon 19/02 07:00.
    const r = appointment('2024-02-08T15:30', days(1));
    expect(r.startRule).toBe('late-day');
    expect(r.countingStartsAt).toBe('2024-02-16T07:00:00+07:00');
    expect(r.appointmentAt).toBe('2024-02-19T07:00:00+07:00');
    expect(skippedDates(r).slice(0, 7)).toEqual([
      '2024-02-09 holiday', '2024-02-10 holiday', '2024-02-11 holiday', '2024-02-12 holiday', '2024-02-13 holiday',
      '2024-02-14 compensatory', '2024-02-15 compensatory',
    ]);
    expect(r.explanation.vi).toContain('Tiếp nhận sau 15:00 nên bắt đầu tính từ 07:00 thứ Sáu 16/02/2024.');
    expect(r.explanation.vi).toContain('10/02 (Tết Nguyên Đán (mùng 1))');
  });

  it('Tết 2025 as approved: off Mon 27/01 – Fri 31/01, work again Mon 03/02 (no compensatory day)', () => {
    // Fri 24/01 10:00: 5 h; weekend, 27–31/01 Tết, weekend; Mon 3/2 8 h (13); Tue 4 8 h (21); Wed 5: 3 h → 10:00
    const r = appointment('2025-01-24T10:00', days(3));
    expect(r.appointmentAt).toBe('2025-02-05T10:00:00+07:00');
    expect(skippedDates(r)).toEqual([
      '2025-01-25 weekend', '2025-01-26 weekend', '2025-01-27 holiday', '2025-01-28 holiday', '2025-01-29 holiday',
      '2025-01-30 holiday', '2025-01-31 holiday', '2025-02-01 weekend', '2025-02-02 weekend',
    ]);
    expect(r.skipped.filter((d) => d.kind === 'holiday').every((d) => d.source === 'official' && !d.provisional)).toBe(true);
    expect(r.explanation.vi).toContain('Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ');
    expect(r.explanation.vi).toContain('(27/01, 28/01, 29/01, 30/01, 31/01)');
    expect(r.explanation.vi).not.toContain('chưa có thông báo chính thức');
    // A late receipt the day before the break counts from Mon 03/02.
    expect(appointment('2025-01-23T15:30', days(1))).toMatchObject({ countingStartsAt: '2025-01-24T07:00:00+07:00', appointmentAt: '2025-02-03T07:00:00+07:00' });
  });

  it('the admin table still wins over the plan (a commune that also works Saturday 15/02/2025)', () => {
    const exceptions = [{ date: '2025-02-15', kind: 'working-day' as const, note: 'Làm bù theo lịch của xã' }];
    expect(appointment('2025-02-13T15:30', days(1), { exceptions }).appointmentAt).toBe('2025-02-15T07:00:00+07:00');
    expect(appointment('2025-02-13T15:30', days(1)).appointmentAt).toBe('2025-02-17T07:00:00+07:00');
  });

  it('Tết 2026 (block Mon–Fri, no weekend inside): no compensatory day', () => {
    // Fri 13/02 16:00 → late → Mon 23/02 07:00; half a day = 4 h → 11:00
    const r = appointment('2026-02-13T16:00', days(0.5));
    expect(r.appointmentAt).toBe('2026-02-23T11:00:00+07:00');
    expect(r.skipped.filter((d) => d.kind === 'compensatory')).toEqual([]);
    expect(r.explanation.vi).toContain('Thời hạn giải quyết 0,5 ngày làm việc.');
  });

  it('Tết 2027 (mùng 1 on Saturday): block 05–09/02 then nghỉ bù 10 and 11/02', () => {
    // Thu 04/02 09:00: 6 h; off 05–11/02 (+ weekend); Fri 12 8 h (14); weekend; Mon 15: 2 h → 09:00
    const r = appointment('2027-02-04T09:00', days(2));
    expect(r.appointmentAt).toBe('2027-02-15T09:00:00+07:00');
    expect(r.skipped.map((d) => d.date)).toEqual([
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-13', '2027-02-14',
    ]);
  });
});

describe('30/4 – 1/5', () => {
  it('2022: both on the weekend → nghỉ bù Mon 2/5 and Tue 3/5', () => {
    // Fri 29/04 08:00: 3.5 + 3.5 = 7 h; Sat–Tue off; Wed 4/5: 1 h → 08:00
    const r = appointment('2022-04-29T08:00', days(1));
    expect(r.appointmentAt).toBe('2022-05-04T08:00:00+07:00');
    expect(skippedDates(r)).toEqual(['2022-04-30 holiday', '2022-05-01 holiday', '2022-05-02 compensatory', '2022-05-03 compensatory']);
  });

  it('2023: Hùng Kings Sat 29/4, 30/4 Sun, 1/5 Mon → nghỉ bù Tue 2/5 and Wed 3/5', () => {
    const r = appointment('2023-04-28T10:00', hours(6));
    // Fri 28 10:00: 1.5 h + 3.5 h = 5 h; off 29/4–3/5; Thu 4/5: 1 h → 08:00
    expect(r.appointmentAt).toBe('2023-05-04T08:00:00+07:00');
    expect(r.skipped.map((d) => d.name.vi)).toEqual([
      'Giỗ tổ Hùng Vương', 'Ngày Giải phóng miền Nam', 'Quốc tế Lao động', 'Nghỉ bù Giỗ tổ Hùng Vương', 'Nghỉ bù Ngày Giải phóng miền Nam',
    ]);
  });

  it('2025 with the announced swap and nothing typed in: Fri 2/5 off, Sat 26/4 worked', () => {
    // Fri 25 14:30: 2.5 h; Sat 26 worked 8 h (10.5); Sun off; Mon 28 (18.5); Tue 29: 5.5 h → 11:30 + 1 h → 14:30
    const r = appointment('2025-04-25T14:30', days(3));
    expect(r.appointmentAt).toBe('2025-04-29T14:30:00+07:00');
    expect(skippedDates(r)).toEqual(['2025-04-27 weekend']);
    expect(r.workedRestDays.map((w) => w.date)).toEqual(['2025-04-26']);
    expect(r.explanation.vi).toContain('Có tính ngày làm bù 26/04 (Làm bù cho thứ Sáu 02/05; Văn bản 8726/VPCP-KGVX ngày 26/11/2024');
    // and a dossier spanning the holiday sees 2/5 as a day off by the announcement
    const after = appointment('2025-04-29T14:30', days(1));
    expect(after.appointmentAt).toBe('2025-05-05T14:30:00+07:00');
    expect(skippedDates(after)).toEqual(['2025-04-30 holiday', '2025-05-01 holiday', '2025-05-02 day-off', '2025-05-03 weekend', '2025-05-04 weekend']);
    expect(after.explanation.vi).toContain('Căn cứ: Bộ luật Lao động 45/2019/QH14 ngày 20/11/2019 của Quốc hội (Điều 111, 112) (30/04, 01/05); Văn bản 8726/VPCP-KGVX');
  });
});

describe('2/9, two days from 2021', () => {
  it('2025: Mon 1/9 + Tue 2/9', () => {
    // Fri 29/08 10:00: 5 h; Sat–Tue off; Wed 3 8 h (13); Thu 4: 3 h → 10:00
    const r = appointment('2025-08-29T10:00', days(2));
    expect(r.appointmentAt).toBe('2025-09-04T10:00:00+07:00');
    expect(r.skipped.map((d) => `${d.date} ${d.name.vi}`)).toEqual([
      '2025-08-30 thứ Bảy', '2025-08-31 Chủ nhật', '2025-09-01 Quốc khánh (ngày liền kề)', '2025-09-02 Quốc khánh',
    ]);
  });

  it('2024: Mon 2/9 + Tue 3/9; received Fri 30/08 16:00 (late) with 4 hours', () => {
    const r = appointment('2024-08-30T16:00', hours(4));
    expect(r.countingStartsAt).toBe('2024-09-04T07:00:00+07:00');
    expect(r.appointmentAt).toBe('2024-09-04T11:00:00+07:00');
  });

  it('2023: Fri 1/9 + Sat 2/9, nghỉ bù Mon 4/9', () => {
    // Thu 31/08 14:00: 3 h; off Fri–Mon; Tue 5/9: 4.5 h → 11:30, 0.5 h → 14:00
    const r = appointment('2023-08-31T14:00', hours(8));
    expect(r.appointmentAt).toBe('2023-09-05T14:00:00+07:00');
    expect(skippedDates(r)).toContain('2023-09-04 compensatory');
  });

  it('2020 (old Labour Code): 2/9 only', () => {
    // Tue 01/09/2020 10:00: 5 h; Wed 2/9 off; Thu 3: 3 h → 10:00
    expect(appointment('2020-09-01T10:00', days(1)).appointmentAt).toBe('2020-09-03T10:00:00+07:00');
  });
});

describe('time of receipt', () => {
  it('during lunch: counting starts at 13:30', () => {
    const r = appointment('2025-03-03T12:15', hours(2));
    expect(r).toMatchObject({ startRule: 'lunch-break', countingStartsAt: '2025-03-03T13:30:00+07:00', appointmentAt: '2025-03-03T15:30:00+07:00' });
    expect(r.explanation.vi).toContain('Tiếp nhận trong giờ nghỉ trưa nên bắt đầu tính từ 13:30.');
  });

  it('before office hours: counting starts at 07:00', () => {
    expect(appointment('2025-03-03T06:30', hours(1))).toMatchObject({ startRule: 'before-hours', appointmentAt: '2025-03-03T08:00:00+07:00' });
  });

  it('at 15:00 sharp is late; 14:59 is not', () => {
    expect(appointment('2025-03-03T15:00', hours(1))).toMatchObject({ startRule: 'late-day', appointmentAt: '2025-03-04T08:00:00+07:00' });
    expect(appointment('2025-03-03T14:59', hours(1))).toMatchObject({ startRule: 'as-received', appointmentAt: '2025-03-03T15:59:00+07:00' });
  });

  it('with the cutoff turned off, 16:00 counts the same day; 17:00 is after hours', () => {
    expect(appointment('2025-03-03T16:00', hours(2), { lateCutoff: '' }).appointmentAt).toBe('2025-03-04T08:00:00+07:00');
    expect(appointment('2025-03-03T17:00', hours(2), { lateCutoff: '' })).toMatchObject({ startRule: 'after-hours', appointmentAt: '2025-03-04T09:00:00+07:00' });
  });

  it('a configurable cutoff (16:30)', () => {
    // 16:00 is before 16:30, so it counts at once: 1 h ends at 17:00 sharp → next opening Tue 07:00
    expect(appointment('2025-03-03T16:00', hours(1), { lateCutoff: '16:30' })).toMatchObject({ startRule: 'as-received', appointmentAt: '2025-03-04T07:00:00+07:00' });
    expect(appointment('2025-03-03T16:30', hours(1), { lateCutoff: '16:30' })).toMatchObject({ startRule: 'late-day', appointmentAt: '2025-03-04T08:00:00+07:00' });
  });

  it('on a Sunday: counting starts Monday 07:00 and the Sunday is listed', () => {
    const r = appointment('2025-03-02T09:00', hours(3));
    expect(r).toMatchObject({ startRule: 'non-working-day', countingStartsAt: '2025-03-03T07:00:00+07:00', appointmentAt: '2025-03-03T10:00:00+07:00' });
    expect(skippedDates(r)).toEqual(['2025-03-02 weekend']);
    expect(r.explanation.vi).toContain('Ngày tiếp nhận là ngày nghỉ nên bắt đầu tính từ 07:00 thứ Hai 03/03/2025.');
  });

  it('an offset time is converted to Vietnam time (07:30Z = 14:30 +07)', () => {
    expect(appointment('2025-04-25T07:30:00Z', days(3)).receivedAt).toBe('2025-04-25T14:30:00+07:00');
    expect(appointment('2025-04-25T09:30:00+02:00', days(3)).receivedAt).toBe('2025-04-25T14:30:00+07:00');
  });
});

describe('hours-based processing', () => {
  it('crosses lunch and a night: Mon 10:00 + 10 h → Tue 14:00', () => {
    // Mon 1.5 + 3.5 = 5 h; Tue 4.5 h → 11:30, 0.5 h → 14:00
    expect(appointment('2025-03-03T10:00', hours(10)).appointmentAt).toBe('2025-03-04T14:00:00+07:00');
  });

  it('ending exactly at 11:30 opens at 13:30', () => {
    expect(appointment('2025-03-03T10:00', hours(1.5)).appointmentAt).toBe('2025-03-03T13:30:00+07:00');
  });

  it('a Saturday-morning commune counts its Saturday hours', () => {
    const settings = { weekendDays: [0], weekdaySessions: { '6': [{ start: '07:30', end: '11:30' }] } };
    // Fri 07/03 10:00: 5 h; Sat 08/03 from 07:30: 3 h → 10:30
    expect(appointment('2025-03-07T10:00', days(1), settings).appointmentAt).toBe('2025-03-08T10:30:00+07:00');
    expect(appointment('2025-03-07T10:00', days(1)).appointmentAt).toBe('2025-03-10T10:00:00+07:00');
  });
});
