import type { YearCalendar } from '../../contract/calendar.ts';
import { vnDay } from './vn-day.ts';

const DAY_MS = 86_400_000;

function isWorkingDay(day: string, years: ReadonlyMap<number, YearCalendar>): boolean {
  const cal = years.get(Number(day.slice(0, 4)));
  if (!cal) return true;
  if (cal.workingDays.some((w) => w.date === day)) return true;
  if (cal.daysOff.some((d) => d.date === day)) return false;
  return !cal.weekendDays.includes(new Date(`${day}T00:00:00Z`).getUTCDay());
}

/** Vietnam calendar days strictly after the appointment's day, up to the day the result was ready. */
function daysAfter(dueAt: string, resolvedAt: string): string[] {
  const first = Date.parse(`${vnDay(dueAt)}T00:00:00Z`) + DAY_MS;
  const last = Date.parse(`${vnDay(resolvedAt)}T00:00:00Z`);
  const out: string[] = [];
  for (let t = first; t <= last; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * How many working days late a result was: the working days after the appointment's day up to the
 * day it was ready (ready later on the appointment's own day is late by 0 working days).
 */
export function workingDaysLate(dueAt: string, resolvedAt: string, years: ReadonlyMap<number, YearCalendar>): number {
  return daysAfter(dueAt, resolvedAt).filter((d) => isWorkingDay(d, years)).length;
}

/** The calendar years a late-day count over these pairs needs. */
export function yearsSpanned(pairs: ReadonlyArray<{ dueAt: string; resolvedAt: string }>): number[] {
  const years = new Set<number>();
  for (const p of pairs) {
    const from = Number(vnDay(p.dueAt).slice(0, 4));
    const to = Number(vnDay(p.resolvedAt).slice(0, 4));
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort();
}
