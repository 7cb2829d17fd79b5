import type { CliCommand, ParsedArgs } from '../command.ts';
import { flagString } from '../command.ts';
import { CalendarErrors } from '../../domain/calendar/errors.ts';
import type { ProcessingTime } from '../../domain/calendar/processing-time.ts';
import { parseIsoDay, viDate, weekdayName } from '../../domain/calendar/civil-day.ts';
import { vnWallClock } from '../../domain/vn-date.ts';

const KIND_VI = { weekend: 'nghỉ hằng tuần', holiday: 'ngày lễ', compensatory: 'nghỉ bù', 'day-off': 'nghỉ theo thông báo' } as const;

function processingTimeFrom(args: ParsedArgs): ProcessingTime {
  const days = args.flags.days;
  const hours = args.flags.hours;
  if ((days === undefined) === (hours === undefined)) {
    throw CalendarErrors.raise('CALENDAR_INVALID_DURATION', { hint: 'give exactly one of --days N or --hours N' });
  }
  const raw = days ?? hours;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.replace(',', '.')) : NaN;
  if (!Number.isFinite(value) || value <= 0) throw CalendarErrors.raise('CALENDAR_INVALID_DURATION', { value: raw });
  return { value, unit: days !== undefined ? 'working-days' : 'working-hours' };
}

function dayLabel(date: string): string {
  const n = parseIsoDay(date) as number;
  return `${viDate(n)} ${weekdayName(n, 'vi').padEnd(8)}`;
}

export const calendarCommands: CliCommand[] = [
  {
    words: ['calendar', 'appointment'],
    usage: 'counter calendar appointment [--at yyyy-MM-ddTHH:mm] --days N | --hours N [--json]',
    summary: 'Appointment date (ngày hẹn trả) with the days skipped and why',
    async run(ctx, args) {
      const receivedAt = flagString(args, 'at') ?? new Date().toISOString();
      if (args.flags.at === true) throw CalendarErrors.raise('CALENDAR_INVALID_DATE', { value: '' });
      const result = await ctx.call('calendar.appointment', { receivedAt, processingTime: processingTimeFrom(args) });
      const skipped = result.skipped.map((d) => `  ${dayLabel(d.date)} ${KIND_VI[d.kind].padEnd(20)} ${d.name.vi} — ${d.basis.vi}`);
      const worked = result.workedRestDays.map((w) => `  ${dayLabel(w.date)} ${w.note.vi} — ${w.basis.vi}`);
      const text = [
        result.explanation.vi,
        '',
        `Bắt đầu tính / counting starts: ${result.countingStartsAt} (${result.startRule})`,
        `Hẹn trả / appointment:          ${result.appointmentAt}`,
        ...(skipped.length ? ['Ngày không tính / days not counted:', ...skipped] : []),
        ...(worked.length ? ['Ngày làm bù có tính / make-up days counted:', ...worked] : []),
      ].join('\n');
      return { data: result, text };
    },
  },
  {
    words: ['calendar', 'holidays'],
    usage: 'counter calendar holidays [--year YYYY] [--json]',
    summary: 'Holidays, compensatory days and swapped working days of a year',
    async run(ctx, args) {
      const raw = flagString(args, 'year');
      const year = raw === undefined ? vnWallClock(new Date()).year : Number(raw);
      if (!Number.isInteger(year)) throw CalendarErrors.raise('CALENDAR_DATE_OUT_OF_RANGE', { year: raw });
      const cal = await ctx.call('calendar.holidays', { year });
      const lines = [
        `Năm ${cal.year} — ngày nghỉ / days off (ngoài nghỉ hằng tuần / besides weekly rest days):`,
        cal.announced
          ? `Theo kế hoạch đã công bố / announced plan: ${cal.sources.map((s) => s.vi).join('; ')}`
          : `Năm ${cal.year} chưa có thông báo chính thức: ngày lễ, Tết tính theo Bộ luật Lao động và âm lịch, có thể thay đổi. / No official announcement yet: statutory days from the lunar calendar.`,
        ...cal.daysOff.map((d) => `  ${dayLabel(d.date)} ${KIND_VI[d.kind].padEnd(20)} ${d.name.vi}`),
        ...(cal.workingDays.length
          ? ['Ngày làm bù / swapped working days:', ...cal.workingDays.map((w) => `  ${dayLabel(w.date)} ${w.note}`)]
          : []),
      ];
      return { data: cal, text: lines.join('\n') };
    },
  },
];
