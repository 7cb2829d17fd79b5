import type { LocalizedText } from '../../contract/errors.ts';
import type { AnnouncedPlan, DayOff } from '../../contract/calendar.ts';
import { sourceTitle } from './basis.ts';

export interface WorkedRestDay {
  date: string;
  note: LocalizedText;
  basis: LocalizedText;
}

/** One announced year, indexed by date, each day carrying the title of the act behind it. */
export interface PlanYear {
  daysOff: Map<string, DayOff>;
  workingDays: Map<string, WorkedRestDay>;
  sources: LocalizedText[];
}

const KIND = { holiday: 'holiday', compensatory: 'compensatory', swap: 'day-off' } as const;

export function indexPlan(plan: AnnouncedPlan): PlanYear {
  const titles = new Map(plan.sources.map((s) => [s.ref, sourceTitle(s)]));
  const basis = (ref: string) => titles.get(ref) as LocalizedText;
  return {
    daysOff: new Map(
      plan.daysOff.map((d) => [d.date, { date: d.date, kind: KIND[d.kind], name: d.name, source: 'official', basis: basis(d.source), provisional: false } satisfies DayOff]),
    ),
    workingDays: new Map(plan.workingDays.map((w) => [w.date, { date: w.date, note: w.note, basis: basis(w.source) }])),
    sources: plan.sources.map((s) => sourceTitle(s)),
  };
}

/** The plan of each year: shipped ones first, a pushed plan replacing the shipped one of its year. */
export function plansByYear(shipped: readonly AnnouncedPlan[], pushed: readonly AnnouncedPlan[]): Map<number, PlanYear> {
  const out = new Map<number, PlanYear>();
  for (const p of [...shipped, ...pushed]) out.set(p.year, indexPlan(p));
  return out;
}
