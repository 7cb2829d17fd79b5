import type { LocalizedText } from '../../contract/errors.ts';
import type { DayOff, StartRule } from '../../contract/calendar.ts';
import type { ProcessingTime } from './processing-time.ts';
import { civilDate, parseIsoDay, viDate, viDayMonth, weekdayName } from './civil-day.ts';
import { clockText, dayOf, minuteOfDay, parseReceivedAt, type WallMinute } from './wall-time.ts';

export interface ExplainInput {
  received: WallMinute;
  start: WallMinute;
  rule: StartRule;
  due: WallMinute;
  processingTime: ProcessingTime;
  skipped: DayOff[];
  lateCutoff: number | undefined;
}

/** "14:30 thứ Sáu 25/04/2025" for an ISO time from the calculator (read as Vietnam wall clock). */
export function describeMoment(iso: string, lang: 'vi' | 'en'): string {
  return moment(parseReceivedAt(iso), lang);
}

function moment(t: WallMinute, lang: 'vi' | 'en'): string {
  return `${clockText(minuteOfDay(t))} ${weekdayName(dayOf(t), lang)} ${viDate(dayOf(t))}`;
}

function duration(pt: ProcessingTime, lang: 'vi' | 'en'): string {
  const n = lang === 'vi' ? String(pt.value).replace('.', ',') : String(pt.value);
  if (lang === 'vi') return `${n} ${pt.unit === 'working-days' ? 'ngày làm việc' : 'giờ làm việc'}`;
  const one = pt.value === 1;
  return `${n} ${pt.unit === 'working-days' ? (one ? 'working day' : 'working days') : one ? 'working hour' : 'working hours'}`;
}

function startSentence(x: ExplainInput, lang: 'vi' | 'en'): string {
  const at = x.rule === 'lunch-break' || x.rule === 'before-hours' ? clockText(minuteOfDay(x.start)) : moment(x.start, lang);
  const cutoff = x.lateCutoff === undefined ? '' : clockText(x.lateCutoff);
  const vi: Record<StartRule, string> = {
    'as-received': '',
    'before-hours': `Tiếp nhận trước giờ làm việc nên bắt đầu tính từ ${at}.`,
    'lunch-break': `Tiếp nhận trong giờ nghỉ trưa nên bắt đầu tính từ ${at}.`,
    'late-day': `Tiếp nhận sau ${cutoff} nên bắt đầu tính từ ${at}.`,
    'after-hours': `Tiếp nhận sau giờ làm việc nên bắt đầu tính từ ${at}.`,
    'non-working-day': `Ngày tiếp nhận là ngày nghỉ nên bắt đầu tính từ ${at}.`,
  };
  const en: Record<StartRule, string> = {
    'as-received': '',
    'before-hours': `Received before office hours, so counting starts at ${at}.`,
    'lunch-break': `Received during the lunch break, so counting starts at ${at}.`,
    'late-day': `Received after ${cutoff}, so counting starts at ${at}.`,
    'after-hours': `Received after office hours, so counting starts at ${at}.`,
    'non-working-day': `Received on a day off, so counting starts at ${at}.`,
  };
  return (lang === 'vi' ? vi : en)[x.rule];
}

function skippedList(x: ExplainInput, lang: 'vi' | 'en'): string {
  if (x.skipped.length === 0) return '';
  const year = civilDate(dayOf(x.received)).year;
  const items = x.skipped.map((d) => {
    const n = parseIsoDay(d.date) as number;
    const when = civilDate(n).year === year ? viDayMonth(n) : viDate(n);
    return `${when} (${d.name[lang]})`;
  });
  return lang === 'vi' ? `Không tính ${items.join(', ')}.` : `Not counted: ${items.join(', ')}.`;
}

/** The sentences an officer reads to the citizen, Vietnamese first. */
export function explainAppointment(x: ExplainInput): LocalizedText {
  const build = (lang: 'vi' | 'en') =>
    [
      lang === 'vi' ? `Tiếp nhận ${moment(x.received, lang)}.` : `Received ${moment(x.received, lang)}.`,
      lang === 'vi' ? `Thời hạn giải quyết ${duration(x.processingTime, lang)}.` : `Processing time ${duration(x.processingTime, lang)}.`,
      startSentence(x, lang),
      skippedList(x, lang),
      lang === 'vi' ? `Hẹn trả ${moment(x.due, lang)}.` : `Appointment ${moment(x.due, lang)}.`,
    ]
      .filter(Boolean)
      .join(' ');
  return { vi: build('vi'), en: build('en') };
}
