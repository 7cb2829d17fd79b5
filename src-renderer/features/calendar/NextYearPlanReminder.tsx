import { useCall } from '../../app/use-call.ts';
import { useMessages } from '../../i18n/messages.ts';
import { vnWallClock } from '../../../src-main/domain/vn-date.ts';
import { calendarMsgs } from './calendar-messages.ts';

/** The year whose plan IT must push next: Vietnam's next year, whatever zone the PC is set to. */
export function comingPlanYear(now: Date): number {
  return vnWallClock(now).year + 1;
}

/** The reminder itself, shown only while that year has no announced plan. */
export function PlanReminder({ year, announced }: { year: number; announced: boolean | undefined }) {
  const t = useMessages(calendarMsgs);
  if (announced !== false) return null;
  return (
    <p className="warning" role="status" data-testid="next-year-plan-reminder">
      {t('nextYearMissing').replace('{year}', String(year))}
    </p>
  );
}

/** Reminds IT while the coming year has no announced holiday plan on this PC. */
export function NextYearPlanReminder() {
  const next = comingPlanYear(new Date());
  const r = useCall('calendar.holidays', { year: next });
  return <PlanReminder year={next} announced={r.data?.announced} />;
}
