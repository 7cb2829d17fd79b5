import type { LocalizedText } from '../../contract/errors.ts';
import type { Appointment, DayOff, StartRule } from '../../contract/calendar.ts';
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
  workedRestDays: Appointment['workedRestDays'];
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

/** dd/MM inside the receipt's year, dd/MM/yyyy outside it. */
function dayText(x: ExplainInput, date: string): string {
  const n = parseIsoDay(date) as number;
  return civilDate(n).year === civilDate(dayOf(x.received)).year ? viDayMonth(n) : viDate(n);
}

function skippedList(x: ExplainInput, lang: 'vi' | 'en'): string {
  if (x.skipped.length === 0) return '';
  const items = x.skipped.map((d) => `${dayText(x, d.date)} (${d.name[lang]})`);
  return lang === 'vi' ? `Không tính ${items.join(', ')}.` : `Not counted: ${items.join(', ')}.`;
}

/** Names the rule or announcement behind every skipped day, grouped by basis in order of first use. */
function basisList(x: ExplainInput, lang: 'vi' | 'en'): string {
  if (x.skipped.length === 0) return '';
  const groups = new Map<string, string[]>();
  for (const d of x.skipped) {
    const key = d.basis[lang];
    groups.set(key, [...(groups.get(key) ?? []), dayText(x, d.date)]);
  }
  const items = [...groups.entries()].map(([basis, dates]) => `${basis} (${dates.join(', ')})`);
  return lang === 'vi' ? `Căn cứ: ${items.join('; ')}.` : `Basis: ${items.join('; ')}.`;
}

function workedList(x: ExplainInput, lang: 'vi' | 'en'): string {
  if (x.workedRestDays.length === 0) return '';
  const items = x.workedRestDays.map((w) => `${dayText(x, w.date)} (${w.note[lang]}; ${w.basis[lang]})`);
  return lang === 'vi' ? `Có tính ngày làm bù ${items.join(', ')}.` : `Counted as worked: ${items.join(', ')}.`;
}

/** The sentences an officer reads to the citizen, Vietnamese first. */
export function explainAppointment(x: ExplainInput): LocalizedText {
  const build = (lang: 'vi' | 'en') =>
    [
      lang === 'vi' ? `Tiếp nhận ${moment(x.received, lang)}.` : `Received ${moment(x.received, lang)}.`,
      lang === 'vi' ? `Thời hạn giải quyết ${duration(x.processingTime, lang)}.` : `Processing time ${duration(x.processingTime, lang)}.`,
      startSentence(x, lang),
      skippedList(x, lang),
      basisList(x, lang),
      workedList(x, lang),
      lang === 'vi' ? `Hẹn trả ${moment(x.due, lang)}.` : `Appointment ${moment(x.due, lang)}.`,
    ]
      .filter(Boolean)
      .join(' ');
  return { vi: build('vi'), en: build('en') };
}
