import type { CalendarSettings, WorkSession } from '../../contract/calendar.ts';
import { CalendarErrors } from './errors.ts';
import { parseClock } from './wall-time.ts';

/** A session in minutes after midnight, [start, end). */
export interface MinuteSession {
  start: number;
  end: number;
}

/** Checked working hours: per weekday sessions, the late cutoff, minutes per working day. */
export interface WorkingHours {
  byWeekday: MinuteSession[][];
  lateCutoff: number | undefined;
  minutesPerWorkingDay: number;
  weekend: Set<number>;
}

export function toMinuteSessions(list: readonly WorkSession[]): MinuteSession[] {
  if (list.length === 0) throw CalendarErrors.raise('CALENDAR_INVALID_HOURS', { sessions: list });
  const out = list.map((s) => ({ start: parseClock(s.start), end: parseClock(s.end) }));
  out.forEach((s, i) => {
    const prev = out[i - 1];
    if (s.start >= s.end || (prev && prev.end > s.start)) throw CalendarErrors.raise('CALENDAR_INVALID_HOURS', { sessions: list });
  });
  return out;
}

/** Validates the calendar settings (they may come from an old file or a hand-edited rollout). */
export function workingHours(cfg: CalendarSettings): WorkingHours {
  const base = toMinuteSessions(cfg.sessions);
  const byWeekday = [0, 1, 2, 3, 4, 5, 6].map((d) => {
    const own = cfg.weekdaySessions[String(d) as keyof CalendarSettings['weekdaySessions']];
    return own ? toMinuteSessions(own) : base;
  });
  const weekend = new Set(cfg.weekendDays);
  if ([0, 1, 2, 3, 4, 5, 6].every((d) => weekend.has(d))) throw CalendarErrors.raise('CALENDAR_NO_WORKING_DAYS');
  const hours = cfg.hoursPerWorkingDay;
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24) throw CalendarErrors.raise('CALENDAR_INVALID_HOURS', { hoursPerWorkingDay: hours });
  return {
    byWeekday,
    lateCutoff: cfg.lateCutoff === '' ? undefined : parseClock(cfg.lateCutoff),
    minutesPerWorkingDay: Math.round(hours * 60),
    weekend,
  };
}
