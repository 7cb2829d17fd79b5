import type { Appointment, DayOff, StartRule } from '../../contract/calendar.ts';
import type { ProcessingTime } from './processing-time.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import { CalendarErrors } from './errors.ts';
import { explainAppointment } from './explain.ts';
import { dayOf, isoWall, minuteOfDay, MINUTES_PER_DAY, parseReceivedAt, type WallMinute } from './wall-time.ts';

/** Far beyond any procedure (the longest are a few months); stops runaway input. */
const MAX_WORKING_DAYS = 1000;
/** A calendar with more consecutive days off than this is broken (Tết with weekends is ~9). */
const MAX_DAYS_OFF_IN_A_ROW = 120;

export function workingMinutesOf(pt: ProcessingTime, minutesPerWorkingDay: number): number {
  const { value, unit } = pt;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (unit !== 'working-days' && unit !== 'working-hours')) {
    throw CalendarErrors.raise('CALENDAR_INVALID_DURATION', { value, unit });
  }
  const minutes = Math.round(unit === 'working-days' ? value * minutesPerWorkingDay : value * 60);
  if (minutes < 1) throw CalendarErrors.raise('CALENDAR_INVALID_DURATION', { value, unit });
  if (minutes > MAX_WORKING_DAYS * minutesPerWorkingDay) throw CalendarErrors.raise('CALENDAR_DURATION_TOO_LONG', { value, unit });
  return minutes;
}

/**
 * Where counting starts for a receipt at `t`:
 * - on a day off → start of the next working day;
 * - at or after the late cutoff (default 15:00, NĐ 61 Art. 18.2) or after the last session → next working day;
 * - before the first session or in a break (lunch) → start of the next session;
 * - otherwise at once.
 */
export function countingStart(cal: WorkingCalendar, t: WallMinute): { at: WallMinute; rule: StartRule } {
  const day = dayOf(t);
  const m = minuteOfDay(t);
  if (cal.dayOff(day)) return { at: nextWorkingDayStart(cal, day + 1), rule: 'non-working-day' };
  const sessions = cal.sessions(day);
  const last = sessions[sessions.length - 1] as { end: number };
  const cutoff = cal.hours.lateCutoff;
  if (m >= last.end) return { at: nextWorkingDayStart(cal, day + 1), rule: 'after-hours' };
  if (cutoff !== undefined && m >= cutoff) return { at: nextWorkingDayStart(cal, day + 1), rule: 'late-day' };
  const next = sessions.find((s) => m < s.end) as { start: number };
  if (m >= next.start) return { at: t, rule: 'as-received' };
  return { at: day * MINUTES_PER_DAY + next.start, rule: next === sessions[0] ? 'before-hours' : 'lunch-break' };
}

function nextWorkingDayStart(cal: WorkingCalendar, from: number): WallMinute {
  for (let n = from; n < from + MAX_DAYS_OFF_IN_A_ROW; n++) {
    if (!cal.dayOff(n)) return n * MINUTES_PER_DAY + (cal.sessions(n)[0] as { start: number }).start;
  }
  throw CalendarErrors.raise('CALENDAR_NO_WORKING_DAYS', { from });
}

/**
 * Adds working minutes to a working moment. A result exactly at the end of a session moves to the
 * start of the next one, so the appointment is always a time when the counter is open.
 */
export function addWorkingMinutes(cal: WorkingCalendar, start: WallMinute, minutes: number): WallMinute {
  let remaining = minutes;
  let day = dayOf(start);
  let from = minuteOfDay(start);
  for (;;) {
    for (const s of cal.sessions(day)) {
      if (s.end <= from) continue;
      const begin = Math.max(from, s.start);
      const available = s.end - begin;
      if (remaining < available) return day * MINUTES_PER_DAY + begin + remaining;
      remaining -= available;
    }
    const next = nextWorkingDayStart(cal, day + 1);
    day = dayOf(next);
    from = 0;
  }
}

/** The appointment (ngày hẹn trả) for a receipt, with the days skipped and a text for the citizen. */
export function computeAppointment(cal: WorkingCalendar, receivedAt: string, processingTime: ProcessingTime): Appointment {
  const received = parseReceivedAt(receivedAt);
  const minutes = workingMinutesOf(processingTime, cal.hours.minutesPerWorkingDay);
  const start = countingStart(cal, received);
  const due = addWorkingMinutes(cal, start.at, minutes);
  const skipped: DayOff[] = [];
  const workedRestDays: Appointment['workedRestDays'] = [];
  for (let n = dayOf(received); n <= dayOf(due); n++) {
    const off = cal.dayOff(n);
    if (off) skipped.push(off);
    const worked = n >= dayOf(start.at) ? cal.workedRestDay(n) : undefined;
    if (worked) workedRestDays.push(worked);
  }
  const result = {
    receivedAt: isoWall(received),
    countingStartsAt: isoWall(start.at),
    startRule: start.rule,
    appointmentAt: isoWall(due),
    processingTime: { value: processingTime.value, unit: processingTime.unit },
    workingMinutes: minutes,
    skipped,
    workedRestDays,
  };
  const explanation = explainAppointment({ received, start: start.at, rule: start.rule, due, processingTime, skipped, workedRestDays, lateCutoff: cal.hours.lateCutoff });
  return { ...result, explanation };
}
