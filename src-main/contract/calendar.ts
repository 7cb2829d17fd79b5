import { z } from 'zod';
import { method } from './method.ts';
import { LocalizedText } from './common/localized.ts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A "HH:mm" wall-clock time in Vietnam (UTC+7), 24-hour. */
export const ClockTime = z.string().regex(HHMM, 'HH:mm (24 giờ / 24-hour)');

/** One working session of a day, e.g. the morning 07:00–11:30. */
export const WorkSession = z
  .object({ start: ClockTime, end: ClockTime })
  .refine((s) => s.start < s.end, { message: 'Giờ bắt đầu phải trước giờ kết thúc / start must be before end' });
export type WorkSession = z.infer<typeof WorkSession>;

/** Sessions of one day, in order and not overlapping. */
export const DaySessions = z
  .array(WorkSession)
  .min(1)
  .max(4)
  .refine((list) => list.every((s, i) => i === 0 || (list[i - 1] as WorkSession).end <= s.start), {
    message: 'Các buổi làm việc phải theo thứ tự và không chồng nhau / sessions must be ordered and not overlap',
  });

/**
 * One entry of the yearly table the admin keeps from the Government's notices: an extra day off
 * (nghỉ bù, Tết extension) or a day that is worked although it would be off (làm bù, swapped Saturday).
 * An entry always wins over the library holidays and the weekend.
 */
export const CalendarException = z.object({
  date: z.string().regex(ISO_DAY, 'yyyy-MM-dd'),
  kind: z.enum(['day-off', 'working-day']),
  note: z.string().max(200).default(''),
});
export type CalendarException = z.infer<typeof CalendarException>;


const LocalizedShort = z.object({ vi: z.string().min(1).max(200), en: z.string().min(1).max(200) });

/**
 * The legal act behind a day of a yearly plan: the Prime Minister's decision as conveyed by the
 * Government Office, the ministry's notice, or the Labour Code itself for the fixed days.
 */
export const PlanSource = z.object({
  /** Its number, e.g. "8726/VPCP-KGVX". */
  ref: z.string().min(1).max(80),
  issuedOn: z.string().regex(ISO_DAY, 'yyyy-MM-dd'),
  /** "Văn bản", "Thông báo", "Bộ luật Lao động" … */
  kind: LocalizedShort,
  issuer: LocalizedShort,
});
export type PlanSource = z.infer<typeof PlanSource>;

/** One day off of an announced plan and the act it comes from (`source` = a PlanSource ref). */
export const PlanDayOff = z.object({
  date: z.string().regex(ISO_DAY, 'yyyy-MM-dd'),
  kind: z.enum(['holiday', 'compensatory', 'swap']),
  name: LocalizedShort,
  source: z.string().min(1).max(80),
});

/** A weekly rest day worked instead (làm bù) under the plan. */
export const PlanWorkingDay = z.object({
  date: z.string().regex(ISO_DAY, 'yyyy-MM-dd'),
  note: LocalizedShort,
  source: z.string().min(1).max(80),
});

/**
 * A year's officially announced days off (lễ, Tết, nghỉ bù, hoán đổi) and make-up working days. It is
 * the complete list of that year's days off besides the weekly rest days: while a year has a plan,
 * the statutory rules are not applied to it.
 */
export const AnnouncedPlan = z
  .object({
    year: z.number().int().min(1990).max(2100),
    sources: z.array(PlanSource).min(1).max(10),
    daysOff: z.array(PlanDayOff).max(60),
    workingDays: z.array(PlanWorkingDay).max(20).default([]),
  })
  .superRefine((plan, ctx) => {
    const refs = new Set(plan.sources.map((s) => s.ref));
    const seen = new Set<string>();
    for (const d of [...plan.daysOff, ...plan.workingDays]) {
      if (!d.date.startsWith(`${plan.year}-`)) ctx.addIssue({ code: 'custom', message: `${d.date}: ngoài năm ${plan.year} / outside the plan's year` });
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', message: `${d.date}: ngày bị lặp / duplicate date` });
      if (!refs.has(d.source)) ctx.addIssue({ code: 'custom', message: `${d.date}: căn cứ ${d.source} không có trong danh sách văn bản / unknown source` });
      seen.add(d.date);
    }
  });
export type AnnouncedPlan = z.infer<typeof AnnouncedPlan>;

export const Weekday = z.number().int().min(0).max(6); // 0 = Chủ nhật / Sunday … 6 = thứ Bảy / Saturday

/** The `calendar` section of the settings: the working calendar of this agency. */
export const CalendarSettings = z.object({
  /** Working sessions of an ordinary working day. */
  sessions: DaySessions.default([
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ]),
  /** Weekly rest days (0 = Sunday). */
  weekendDays: z.array(Weekday).max(6).default([0, 6]),
  /** Other sessions for some weekdays, e.g. { "6": [{ start: "07:30", end: "11:30" }] } for a Saturday-morning commune. */
  weekdaySessions: z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), DaySessions).default({}),
  /**
   * NĐ 61/2018 Art. 18.2: a paper dossier received after 15:00 goes to the processing body at the start
   * of the next working day, so counting starts then. Empty string: only receipts after the last
   * session of the day start the next working day.
   */
  lateCutoff: z.union([ClockTime, z.literal('')]).default('15:00'),
  /** A working day counts as this many working hours (TH CaculateTime: 1 day = 8 h, so 0.5 day = 4 h). */
  hoursPerWorkingDay: z.number().positive().max(24).default(8),
  /** Labour Code 2019 Art. 112.1(đ): 2/9 and one adjacent day (from 2021); the PM picks which each year. */
  nationalDayExtraDay: z.enum(['auto', 'before', 'after', 'none']).default('auto'),
  /** Labour Code 2019 Art. 111.3: a holiday on a weekly rest day gives a day off on the next working day. */
  compensatoryDays: z.boolean().default(true),
  exceptions: z.array(CalendarException).max(1000).default([]),
  /**
   * Plans pushed by the district IT in the signed rollout file (e.g. next year's, once announced). A
   * pushed plan replaces the shipped plan of the same year.
   */
  announcedPlans: z.array(AnnouncedPlan).max(20).default([]),
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;

export const ProcessingTimeInput = z.object({
  value: z.number(),
  unit: z.enum(['working-days', 'working-hours']),
});

export const DayOffKind = z.enum(['weekend', 'holiday', 'compensatory', 'day-off']);
export type DayOffKind = z.infer<typeof DayOffKind>;

/** A day that is not worked, and why. */
export const DayOff = z.object({
  date: z.string(),
  kind: DayOffKind,
  name: LocalizedText,
  /**
   * Where the day comes from: the weekly rest days, the statutory holidays computed from the lunar
   * calendar, a rule of the Labour Code (second National Day, compensatory day), an announced plan,
   * or the admin table.
   */
  source: z.enum(['weekly', 'statutory', 'rule', 'official', 'admin']),
  /** The rule or announcement behind the day, as the officer reads it. */
  basis: LocalizedText,
  /** True when the year has no announced plan, so the day may still change. */
  provisional: z.boolean(),
});
export type DayOff = z.infer<typeof DayOff>;

export const StartRule = z.enum(['as-received', 'before-hours', 'lunch-break', 'late-day', 'after-hours', 'non-working-day']);
export type StartRule = z.infer<typeof StartRule>;

export const Appointment = z.object({
  /** Receipt time as Vietnam wall clock, ISO with +07:00. */
  receivedAt: z.string(),
  /** When counting starts (after the late-day, lunch and non-working-day rules). */
  countingStartsAt: z.string(),
  startRule: StartRule,
  appointmentAt: z.string(),
  processingTime: ProcessingTimeInput,
  workingMinutes: z.number().int().positive(),
  skipped: z.array(DayOff),
  /** Weekly rest days inside the span that are worked (làm bù), so they counted. */
  workedRestDays: z.array(z.object({ date: z.string(), note: LocalizedText, basis: LocalizedText })),
  explanation: LocalizedText,
});
export type Appointment = z.infer<typeof Appointment>;

export const YearCalendar = z.object({
  year: z.number().int(),
  daysOff: z.array(DayOff),
  /** Days worked although they would be off (làm bù), from the announced plan or the admin table. */
  workingDays: z.array(z.object({ date: z.string(), note: z.string(), basis: LocalizedText })),
  weekendDays: z.array(Weekday),
  /** Whether the year has an officially announced plan (shipped or pushed), and its legal sources. */
  announced: z.boolean(),
  sources: z.array(LocalizedText),
});
export type YearCalendar = z.infer<typeof YearCalendar>;

export const calendarMethods = {
  'calendar.appointment': method({
    summary: 'Appointment date (ngày hẹn trả) for a receipt time and a processing time, with its reasoning',
    input: z.object({ receivedAt: z.string(), processingTime: ProcessingTimeInput }),
    output: Appointment,
  }),
  'calendar.holidays': method({
    summary: 'Days off of a year: holidays, compensatory days, admin exceptions',
    input: z.object({ year: z.number() }),
    output: YearCalendar,
  }),
};
